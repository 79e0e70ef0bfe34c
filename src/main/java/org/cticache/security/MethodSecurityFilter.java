package org.cticache.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.cticache.errors.Problem;

/**
 * HTTP Basic authentication, against the container's own realm, for the methods that web.xml's security
 * constraints leave out: all but GET, HEAD and POST. Jetty renders no error page for those methods (a deliberate
 * Jetty choice), so a constraint on DELETE would answer its 401 without a body. Here the container still checks the
 * password ({@link HttpServletRequest#login}); only the answer is ours. Roles are {@link RoleCheck}'s, as for every
 * method. The open paths ({@link Roles#openPaths()}) are left to the container and the
 * application.
 */
public final class MethodSecurityFilter extends HttpFilter {

    private static final Set<String> CONSTRAINED_BY_WEB_XML = Set.of("GET", "HEAD", "POST");

    private final Set<String> openPaths;

    /** @param openPaths the paths below the context path left to the container and the application */
    public MethodSecurityFilter(Set<String> openPaths) {
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (CONSTRAINED_BY_WEB_XML.contains(method) || openPaths.contains(path)) {
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
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            request.login(credentials.substring(0, colon), credentials.substring(colon + 1));
            return true;
        } catch (ServletException e) {
            return false;
        }
    }
}
