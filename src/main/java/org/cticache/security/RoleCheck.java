package org.cticache.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import org.cticache.errors.Problem;

/**
 * The authority on roles: checks every call against {@link Roles} once Jersey has matched it to a resource method,
 * so the check depends on the resource reached, never on how the path was spelled (a trailing slash, matrix
 * parameters, percent-escapes), which the container's URL patterns cannot see the way Jersey does. web.xml's
 * constraints stay in front as the container's first line and the source of the Basic challenge.
 */
public final class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        // Only Jersey's own handlers, such as its automatic OPTIONS, have no @Path; they answer nothing stored.
        if (type == null || !type.isAnnotationPresent(Path.class)) {
            return;
        }
        List<String> roles = rolesFor(type, resource.getResourceMethod());
        if (!roles.isEmpty()) {
            context.register(new Check(Roles.resourceOf(type.getAnnotation(Path.class).value()), roles),
                    Priorities.AUTHORIZATION);
        }
    }

    /**
     * The roles of which a user needs one for the resource method, empty for an open resource. A method that
     * Roles does not list fails the deployment, so a new resource cannot go live unguarded.
     */
    static List<String> rolesFor(Class<?> type, Method method) {
        String resource = Roles.resourceOf(type.getAnnotation(Path.class).value());
        if (Roles.openResources().contains(resource)) {
            return List.of();
        }
        String httpMethod = httpMethodOf(method);
        List<String> roles = Roles.allowing(resource, httpMethod);
        if (roles.isEmpty()) {
            throw new IllegalStateException(type.getName() + "." + method.getName() + " answers " + httpMethod
                    + " on /" + resource + ", for which " + Roles.class.getName() + " names no role");
        }
        return roles;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        throw new IllegalStateException(method + " is no resource method");
    }

    /** The check bound to one resource method: 401 without a user, 403 naming the roles without one of them. */
    private static final class Check implements ContainerRequestFilter {

        private final String resource;
        private final List<String> roles;

        Check(String resource, List<String> roles) {
            this.resource = resource;
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext user = request.getSecurityContext();
            if (user.getUserPrincipal() == null) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, Problem.CHALLENGE)
                        .entity(Problem.authenticationRequired()).build());
            } else if (roles.stream().noneMatch(user::isUserInRole)) {
                String method = request.getMethod();
                request.abortWith(Response.status(Response.Status.FORBIDDEN).entity(Problem.of(403,
                        Roles.refusal(method, request.getUriInfo().getRequestUri().getRawPath(), resource))).build());
            }
        }
    }
}
