package org.cticache.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cticache.errors.Problem;

/**
 * With {@code cticache.tls.required} on, refuses every API call that did not arrive over HTTPS. "Over HTTPS" is
 * the container's own {@link HttpServletRequest#isSecure()}, so a TLS-terminating load balancer counts once the
 * container trusts its forwarded headers (Tomcat RemoteIpValve, Jetty ForwardedRequestCustomizer). Requests
 * the container itself refuses (401, 403) get the same answer from the error page. The open resources
 * ({@link Roles#isOpenOverPlainHttp}) stay open over plain HTTP: they take no credentials, so none cross the
 * network in clear text, and they reveal nothing secret (up or down; the public OpenAPI document). The docs page,
 * where a user types a password to try the calls, does not.
 */
public final class TransportSecurityFilter extends HttpFilter {

    private final boolean required;

    public TransportSecurityFilter(boolean required) {
        this.required = required;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (required && !request.isSecure()
                && !Roles.isOpenOverPlainHttp(request.getRequestURI(), request.getContextPath())) {
            Problem.httpsRequired().writeTo(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
