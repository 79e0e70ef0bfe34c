package org.cticache.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cticache.api.CtiCacheApplication;
import org.junit.jupiter.api.Test;

/** Every resource method of the API is either open or guarded by the roles {@link Roles} gives it. */
class RoleCheckTest {

    @Test
    void everyResourceMethodHasTheRolesOfItsResource() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String name = Roles.resourceOf(resource.getAnnotation(Path.class).value());
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    List<String> expected = Roles.openResources().contains(name) ? List.of()
                            : Roles.allowing(name, httpMethod);
                    assertEquals(expected, RoleCheck.rolesFor(resource, method), resource + "." + method.getName());
                    checked.add(httpMethod + " /" + name);
                }
            }
        }
        assertTrue(checked.containsAll(List.of("POST /DNIS-ANI", "GET /DNIS-ANI", "DELETE /DNIS-ANI", "GET /DNIS",
                "DELETE /DNIS", "GET /metrics", "GET /pools", "GET /health", "GET /openapi.json")), checked.toString());
    }

    @Path("secrets")
    public static final class Unlisted {
        @GET
        public String secret() {
            return "s";
        }
    }

    @Test
    void aResourceMethodThatRolesDoesNotListFailsTheDeployment() throws Exception {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RoleCheck.rolesFor(Unlisted.class, Unlisted.class.getMethod("secret")));
        assertTrue(failure.getMessage().contains("GET on /secrets"), failure.getMessage());
    }

    /** The root resource classes of the API package, found in the compiled classes rather than listed again. */
    private static List<Class<?>> resourceClasses() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(
                CtiCacheApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = CtiCacheApplication.class.getPackageName();
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (java.nio.file.Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                }
            }
        }
        return resources;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }
}
