package org.cticache.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import org.cticache.audit.AuditedCall;

/**
 * The web.xml error page: turns what the container answers by itself (401 and 403 from its security
 * constraints, and anything else that escapes the application) into problem details.
 */
public final class ErrorPageServlet extends HttpServlet {

    /** Says why the container refused a request with 403 by one of web.xml's constraints. */
    @FunctionalInterface
    public interface Refusals {
        String detail(String method, String requestUri, String contextPath);
    }

    private final boolean tlsRequired;
    private final Refusals refusals;

    public ErrorPageServlet(boolean tlsRequired, Refusals refusals) {
        this.tlsRequired = tlsRequired;
        this.refusals = refusals;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status;
        if (code instanceof Integer number) {
            status = number;
        } else if (request.getDispatcherType() == DispatcherType.ERROR) {
            // Jetty 12.0 dispatches its security handler's 401 and 403 without the error attributes
            // (jetty/jetty.project#12720); the response already carries the status.
            status = response.getStatus();
        } else {
            // Requested directly rather than as an error page, this path is just not a resource.
            status = HttpServletResponse.SC_NOT_FOUND;
        }
        String path = uri instanceof String text ? text : original(request).getRequestURI();
        // Tomcat 11 runs the error page as a GET and keeps the original method in this Servlet 6.1 attribute.
        String method = request.getAttribute("jakarta.servlet.error.method") instanceof String name ? name
                : original(request).getMethod();
        boolean refused = status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN;
        // Over plain HTTP with TLS required, no challenge: it would invite credentials in clear text.
        boolean plainHttpRefused = refused && !request.isSecure() && tlsRequired;
        // The audit filter set it, on this error dispatch too.
        String requestId = response.getHeader(AuditedCall.REQUEST_ID_HEADER);
        Problem problem = plainHttpRefused ? Problem.httpsRequired()
                : status == HttpServletResponse.SC_UNAUTHORIZED ? Problem.authenticationRequired()
                : Problem.of(status, detail(status, method, path, getServletContext().getContextPath(),
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION), requestId));
        // Jetty 12.0 prepares those error responses with Content-Length: 0 and, on a reused connection,
        // loses what the error page writes; a reset gives a clean response. The challenge survives it in the
        // contract's exact form (Tomcat 11 appends "charset=UTF-8"; it decodes credentials as UTF-8 either way).
        boolean challenged = response.getHeader(HttpHeaders.WWW_AUTHENTICATE) != null;
        response.reset();
        if (challenged && !plainHttpRefused) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problem.CHALLENGE);
        }
        if (requestId != null) {
            response.setHeader(AuditedCall.REQUEST_ID_HEADER, requestId);
        }
        problem.writeTo(request, response);
    }

    /**
     * The container's own request under the dispatch's wrappers. Jetty 12.0 dispatches its security handler's
     * 401 and 403 without the error attributes (jetty/jetty.project#12720) and as a GET of the error page; only
     * the request it wraps still has the client's method and path.
     */
    private static HttpServletRequest original(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper && wrapper.getRequest() instanceof HttpServletRequest) {
            inner = wrapper.getRequest();
        }
        return (HttpServletRequest) inner;
    }

    private String detail(int status, String method, String path, String contextPath, Throwable failure,
                                 String requestId) {
        return switch (status) {
            case 403 -> refusals.detail(method, path, contextPath);
            case 404 -> "no resource at " + path;
            case 405 -> "method " + method + " is not allowed on " + path;
            case 500 -> InternalErrors.logged(failure, requestId);
            default -> Problem.of(status, null).title();
        };
    }
}
