package org.cticache.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.audit.ApiCall;
import org.cticache.audit.ApiCallListener;
import org.cticache.audit.AuditedCall;
import org.cticache.core.DnisPools;
import org.cticache.errors.Redacted;
import org.cticache.security.BasicCredentials;
import org.cticache.security.Roles;

/** Gives every call its request id (X-Request-Id on every answer) and tells the listeners once it is answered. */
// First filter of every request and error dispatch, so each call is told exactly once: a call the container
// refused by itself before any filter ran (its own 401 and 403) is seen first on the error dispatch.
// The files of the pages (Pages) are no API calls: one page load fetches several, so telling the listeners would
// put an audit line and a request timing per file. Only their refusals are told, so that an account being guessed
// through a page's login still shows in the audit log.
public final class AuditFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    // Servlet 6.1 (Tomcat 11 runs error pages as GET and keeps the original method here).
    private static final String ERROR_METHOD = "jakarta.servlet.error.method";

    private final DnisPools pools;
    private final List<ApiCallListener> listeners;
    private final Set<String> pages;

    /** @param pages the top-level paths of the pages, whose files are not API calls */
    public AuditFilter(DnisPools pools, List<ApiCallListener> listeners, Set<String> pages) {
        this.pools = pools;
        this.listeners = List.copyOf(listeners);
        this.pages = Set.copyOf(pages);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(AuditedCall.ATTRIBUTE) instanceof AuditedCall audited) {
            // The error dispatch of a call that is audited already: keep its id on the error answer.
            response.setHeader(AuditedCall.REQUEST_ID_HEADER, audited.requestId());
            chain.doFilter(request, response);
            return;
        }
        String uri = originalUri(request);
        boolean page = pages.contains(Roles.resourceOfRequest(uri, request.getContextPath()));
        AuditedCall call = AuditedCall.begin(pools, request.getHeader(AuditedCall.REQUEST_ID_HEADER),
                originalMethod(request), pathBelowContext(uri, request.getContextPath()));
        request.setAttribute(AuditedCall.ATTRIBUTE, call);
        response.setHeader(AuditedCall.REQUEST_ID_HEADER, call.requestId());
        boolean failed = true;
        call.bind();
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            AuditedCall.release();
            // An exception escaping the chain becomes the container's 500.
            int status = failed ? 500 : response.getStatus();
            if (page && !refused(status)) {
                // Not audited, so the container's access log, which skips what carries the attribute, keeps it.
                request.removeAttribute(AuditedCall.ATTRIBUTE);
            } else {
                tell(call.completed(user(request, status), status, System.nanoTime()));
            }
        }
    }

    private void tell(ApiCall call) {
        for (ApiCallListener listener : listeners) {
            try {
                listener.completed(call);
            } catch (RuntimeException e) {
                // A broken listener must not fail the call it was told about.
                LOG.log(Level.WARNING, "cticache: call listener " + listener.getClass().getName() + " failed",
                        Redacted.of(e));
            }
        }
    }

    /** The method the client sent, also on an error dispatch. */
    private static String originalMethod(HttpServletRequest request) {
        return request.getAttribute(ERROR_METHOD) instanceof String method ? method : original(request).getMethod();
    }

    /** The request URI that the client asked for, also on an error dispatch. */
    private static String originalUri(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked ? asked
                : original(request).getRequestURI();
    }

    private static String pathBelowContext(String uri, String context) {
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static boolean refused(int status) {
        return status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN;
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

    /**
     * Who made the call; for a 401, the user name that was tried, so that an operator sees which account is being
     * guessed (never its password).
     */
    private static String user(HttpServletRequest request, int status) {
        String user = request.getRemoteUser();
        if (user == null && status == HttpServletResponse.SC_UNAUTHORIZED) {
            return BasicCredentials.of(request.getHeader(HttpHeaders.AUTHORIZATION)).map(BasicCredentials::user)
                    .orElse(null);
        }
        return user;
    }
}
