package org.cticache.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may call what: for each resource of the API, named by its top-level path, and each method, the realm roles
 * of which a user needs one. The one map that {@link RoleCheck} enforces on every call, whatever spelling of the
 * path reached the resource, and that every 403 quotes; web.xml's security constraints repeat it for the container
 * (RolesTest keeps the two equal).
 */
public final class Roles {

    public static final String ALL = "cticache";
    public static final String WRITER = "cticache-writer";
    public static final String READER = "cticache-reader";
    public static final String MONITOR = "cticache-monitor";

    private static final List<String> WRITE = List.of(ALL, WRITER);
    private static final List<String> READ = List.of(ALL, READER);
    private static final List<String> WATCH = List.of(ALL, MONITOR);

    // A resource is its whole subtree: /DNIS-ANI and /DNIS-ANI/{key} are one, as web.xml's /DNIS-ANI and
    // /DNIS-ANI/* patterns are. HEAD is GET.
    private static final Map<String, Map<String, List<String>>> PROTECTED = Map.of(
            "DNIS-ANI", Map.of("POST", WRITE, "GET", READ, "DELETE", READ),
            "DNIS", Map.of("GET", READ, "DELETE", READ),
            "metrics", Map.of("GET", WATCH),
            "pools", Map.of("GET", WATCH),
            // The operators' page of the pools: the same eyes as /pools.
            "status", Map.of("GET", WATCH));

    // Open to anyone, without credentials: they reveal nothing secret (up or down; the public contract and the
    // page that browses it).
    private static final Set<String> OPEN = Set.of("health", "openapi.json", "docs");
    // The open resources that are a tree of files (web.xml: /docs and /docs/*); each other one is one path.
    private static final Set<String> OPEN_TREES = Set.of("docs");
    // Open, but a page where a user types a password to try the calls (Swagger UI's Authorize): with TLS required
    // it is refused over plain HTTP like the API, so that nobody types a password into a page that sends it in clear.
    private static final Set<String> ASKING_FOR_CREDENTIALS = Set.of("docs");

    private Roles() {
    }

    /** The top-level paths of the resources that need a role. */
    public static Set<String> protectedResources() {
        return PROTECTED.keySet();
    }

    /** The top-level paths of the resources open to anyone. */
    public static Set<String> openResources() {
        return OPEN;
    }

    /** The open resources as web.xml's url-patterns: {@code /health}; {@code /docs} and {@code /docs/*} for a tree. */
    public static Set<String> openPatterns() {
        return OPEN.stream().flatMap(resource -> OPEN_TREES.contains(resource)
                ? Stream.of("/" + resource, "/" + resource + "/*") : Stream.of("/" + resource))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a request URI addresses an open resource: one of the open paths, or a file of an open tree. The path
     * is normalized as the containers do before they match web.xml's patterns, so that no spelling such as
     * {@code /docs/../pools} borrows the openness of another path.
     */
    public static boolean isOpenRequest(String requestUri, String contextPath) {
        List<String> below = below(requestUri, contextPath);
        return !below.isEmpty() && (OPEN_TREES.contains(below.get(0))
                || below.size() == 1 && OPEN.contains(below.get(0)));
    }

    /** Whether a request URI addresses an open resource that may be served over plain HTTP when TLS is required. */
    public static boolean isOpenOverPlainHttp(String requestUri, String contextPath) {
        return isOpenRequest(requestUri, contextPath)
                && !ASKING_FOR_CREDENTIALS.contains(resourceOfRequest(requestUri, contextPath));
    }

    /** The 403 detail for a request the container refused by a web.xml constraint, which repeats these roles. */
    public static String refusalOfRequest(String method, String requestUri, String contextPath) {
        return refusal(method, requestUri, resourceOfRequest(requestUri, contextPath));
    }

    /** The methods that some role allows on the protected resource, HEAD not counted. */
    public static Set<String> methods(String resource) {
        return PROTECTED.getOrDefault(resource, Map.of()).keySet();
    }

    /** The roles of which a user needs one for the method on the resource; empty when none allows it. */
    public static List<String> allowing(String resource, String method) {
        return PROTECTED.getOrDefault(resource, Map.of()).getOrDefault(asked(method), List.of());
    }

    /** The resource a path (as written in a {@code @Path} or web.xml) belongs to: its first segment. */
    public static String resourceOf(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        int slash = relative.indexOf('/');
        return slash < 0 ? relative : relative.substring(0, slash);
    }

    /**
     * The resource a request URI as the client spelled it addresses below the context path, or "" for none: the
     * path the way the containers normalize it before they match security constraints (matrix parameters dropped,
     * percent-escapes decoded, empty and dot segments resolved).
     */
    public static String resourceOfRequest(String requestUri, String contextPath) {
        List<String> below = below(requestUri, contextPath);
        return below.isEmpty() ? "" : below.get(0);
    }

    /** The 403 detail: what was asked, and the roles the resource wants for it. */
    public static String refusal(String method, String requestPath, String resource) {
        String refused = "the user has no role that allows " + method + " on " + requestPath;
        List<String> roles = allowing(resource, method);
        return roles.isEmpty() ? refused
                : refused + ": " + asked(method) + " on /" + resource + " needs role " + String.join(" or ", roles);
    }

    /** The method whose roles apply: HEAD is a GET without the body. */
    private static String asked(String method) {
        return method.equals("HEAD") ? "GET" : method;
    }

    /** The normalized segments of a request URI below the context path; none for a URI outside it. */
    private static List<String> below(String requestUri, String contextPath) {
        List<String> path = List.copyOf(segments(requestUri));
        List<String> context = List.copyOf(segments(contextPath));
        return path.size() > context.size() && path.subList(0, context.size()).equals(context)
                ? path.subList(context.size(), path.size()) : List.of();
    }

    private static Deque<String> segments(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : path.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = decoded(parameters < 0 ? raw : raw.substring(0, parameters));
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments;
    }

    private static String decoded(String segment) {
        try {
            // In a path '+' is itself, not a space.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
