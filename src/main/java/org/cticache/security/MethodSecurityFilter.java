package org.cticache.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.cticache.errors.Problem;

/**
 * HTTP Basic authentication, against the container's own realm, for the methods that web.xml's security
 * constraints leave out: all but GET, HEAD and POST. Jetty renders no error page for those methods (a deliberate
 * Jetty choice), so a constraint on DELETE would answer its 401 without a body. Here the container still checks the
 * password ({@link HttpServletRequest#login}); only the answer is ours. Roles are {@link RoleCheck}'s, as for every
 * method. The open resources ({@link Roles#isOpenRequest}) are left to the container and the application.
 */
public final class MethodSecurityFilter extends HttpFilter {

    private static final Set<String> CONSTRAINED_BY_WEB_XML = Set.of("GET", "HEAD", "POST");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (CONSTRAINED_BY_WEB_XML.contains(method)
                || Roles.isOpenRequest(request.getRequestURI(), request.getContextPath())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null && !loggedIn(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problem.CHALLENGE);
            Problem.authenticationRequired().writeTo(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Checks the request's Basic credentials against the container's realm. */
    private static boolean loggedIn(HttpServletRequest request) {
        Optional<BasicCredentials> credentials = BasicCredentials.of(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            return false;
        }
        try {
            request.login(credentials.get().user(), credentials.get().password());
            return true;
        } catch (ServletException e) {
            return false;
        }
    }
}
