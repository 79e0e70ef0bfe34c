package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.OpenApiConformance;
import org.cticache.testing.SharedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A protected resource demands its roles under every spelling of its path that reaches it: a trailing slash,
 * matrix parameters, percent-escapes, empty and dot segments, the context path spelled otherwise. A user without
 * the role gets 401 or 403 (the 403 naming that resource's roles), or the refusal everyone gets for a spelling that
 * reaches no resource (the container's 400, a 404 or 405 for no resource); never the resource. A user with the
 * role gets the resource or a clean refusal.
 */
@ExtendWith(SharedDeployment.class)
class PathSpellingsIT {

    private static final String CONTEXT = "/cticache/";
    private static final List<String> USERS = List.of(Deployment.ADMIN, Deployment.WRITER, Deployment.READER,
            Deployment.MONITOR, Deployment.NO_ROLE);
    private static final Map<String, String> ROLE_OF = Map.of(Deployment.ADMIN, "cticache",
            Deployment.WRITER, "cticache-writer", Deployment.READER, "cticache-reader",
            Deployment.MONITOR, "cticache-monitor", Deployment.NO_ROLE, "other");
    private static final List<String> FINE_ROLES = List.of("cticache-writer", "cticache-reader", "cticache-monitor");

    @Test
    void monitoringDemandsTheMonitorRoleUnderEverySpelling(Api api) {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("metrics", "pools", "status", "status/status.js")) {
            for (String method : List.of("GET", "HEAD")) {
                for (String spelling : spellings(path)) {
                    checkEveryUser(api, method, spelling, Set.of("cticache", "cticache-monitor"), null, () -> { },
                            failures);
                }
            }
        }
        assertNoFailures(failures);
    }

    @Test
    void peekingDemandsTheReaderRoleUnderEverySpelling(Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani;
        List<String> failures = new ArrayList<>();
        for (String path : List.of("DNIS-ANI/" + key, "DNIS/5551234599")) {
            for (String method : List.of("GET", "HEAD")) {
                for (String spelling : spellings(path)) {
                    checkEveryUser(api, method, spelling, Set.of("cticache", "cticache-reader"), null, () -> { },
                            failures);
                }
            }
        }
        assertNoFailures(failures);
    }

    @Test
    void takingDemandsTheReaderRoleUnderEverySpellingAndARefusalLeavesTheEntry(Api api) {
        List<String> failures = new ArrayList<>();
        int count = spellings("DNIS-ANI/5551234500:1").size();
        for (int i = 0; i < count; i++) {
            String ani = Numbers.uniqueAni();
            String key = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani;
            String spelling = spellings("DNIS-ANI/" + key).get(i);
            checkEveryUser(api, "DELETE", spelling, Set.of("cticache", "cticache-reader"), null, () -> {
                if (api.get(key).statusCode() != 200) {
                    failures.add("DELETE " + spelling + ": the entry is gone after the refusals");
                }
            }, failures);
        }
        assertNoFailures(failures);
    }

    @Test
    void creatingDemandsTheWriterRoleUnderEverySpelling(Api api) {
        List<String> failures = new ArrayList<>();
        for (String spelling : spellings("DNIS-ANI")) {
            checkEveryUser(api, "POST", spelling, Set.of("cticache", "cticache-writer"),
                    () -> HttpRequest.BodyPublishers.ofString("{\"value\":\"v\",\"ani\":\"" + Numbers.uniqueAni()
                            + "\"}"), () -> { }, failures);
        }
        assertNoFailures(failures);
    }

    /**
     * Every user asks: first nobody and those without the role, then, after {@code betweenPhases}, those with it,
     * so that a take by a user with the role cannot hide what the others would have got.
     */
    private static void checkEveryUser(Api api, String method, String spelling, Set<String> roles,
                                       Supplier<HttpRequest.BodyPublisher> body, Runnable betweenPhases,
                                       List<String> failures) {
        List<String> order = new ArrayList<>();
        order.add(null);
        USERS.stream().filter(user -> !roles.contains(ROLE_OF.get(user))).forEach(order::add);
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (String user : order) {
            ask(api, method, spelling, roles, body, user, refused, failures);
        }
        betweenPhases.run();
        USERS.stream().filter(user -> roles.contains(ROLE_OF.get(user)))
                .forEach(user -> ask(api, method, spelling, roles, body, user, refused, failures));
    }

    private static void ask(Api api, String method, String spelling, Set<String> roles,
                            Supplier<HttpRequest.BodyPublisher> body, String user, List<HttpResponse<String>> refused,
                            List<String> failures) {
        HttpRequest.Builder request = api.requestExactly(spelling)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = api.sendAsIs(request, user);
        try {
            if (!refusedByTheContainer(response)) {
                OpenApiConformance.check(response);
            }
            if (user == null) {
                assertAnonymous(response);
                refused.add(response);
            } else if (roles.contains(ROLE_OF.get(user))) {
                assertGranted(response, refused);
            } else {
                assertRefused(response, roles, method);
                refused.add(response);
            }
        } catch (AssertionError e) {
            failures.add(method + " " + spelling + " as " + (user == null ? "nobody" : user) + " -> "
                    + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + response.body().replace('\n', ' ') + "\n    " + e.getMessage().replace('\n', ' '));
        }
    }

    /** The role holder gets the resource, or the refusal of a spelling that reaches none. */
    private static void assertGranted(HttpResponse<String> response, List<HttpResponse<String>> refused) {
        int status = response.statusCode();
        // A page's redirect to its own spelling (/status/ to /status) is its answer too.
        if (status / 100 == 2 || status == 302) {
            // The resource was reached: every user without the role was told so, never given a lesser refusal.
            for (HttpResponse<String> other : refused) {
                assertTrue(other.statusCode() == 401 || other.statusCode() == 403,
                        "a user without the role got " + other.statusCode() + " where the role holder got the"
                                + " resource");
            }
            return;
        }
        assertTrue(status == 400 || status == 404 || status == 405 || status == 415,
                "the role holder got " + status);
    }

    private static void assertAnonymous(HttpResponse<String> response) {
        if (refusedByTheContainer(response)) {
            return;
        }
        assertEquals(401, response.statusCode(), "status");
        assertEquals("Basic realm=\"cticache\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    /** A user without the role: 403 naming the resource's roles, or what a spelling reaching no resource gets. */
    private static void assertRefused(HttpResponse<String> response, Set<String> roles, String method) {
        int status = response.statusCode();
        assertTrue(status / 100 == 4, "a user without the role got " + status);
        // A HEAD answer has no body to tell more; its GET twin is checked in full.
        if (refusedByTheContainer(response) || method.equals("HEAD")) {
            return;
        }
        String detail = Api.json(response).path("detail").asText();
        if (status == 403) {
            for (String role : FINE_ROLES) {
                assertEquals(roles.contains(role), detail.contains(role),
                        "the 403 names " + role + " exactly when " + method + " on the resource needs it");
            }
            return;
        }
        // 404 and 405 only for a spelling that reaches no resource; a 404 of the resource (no live entry) or a 400
        // of its input would mean the resource ran for a user without the role.
        assertTrue(status == 405 || status == 404 && detail.startsWith("no resource at"),
                "a user without the role got " + status + ": " + detail);
    }

    /**
     * The container's own 400 for a spelling it will not route (an encoded '/', an ambiguous empty or dot
     * segment), given before cticache sees the request, as its error page rather than problem details.
     */
    private static boolean refusedByTheContainer(HttpResponse<String> response) {
        return response.statusCode() == 400 && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+");
    }

    /** The spellings of a path below the context that a client, a proxy or an attacker may send. */
    private static List<String> spellings(String path) {
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        String escaped = "%" + Integer.toHexString(first.charAt(0)).toUpperCase() + first.substring(1);
        Set<String> spellings = new LinkedHashSet<>(List.of(
                CONTEXT + path,
                CONTEXT + path + "/",
                CONTEXT + path + ";x=1",
                CONTEXT + path + ";",
                CONTEXT + path + "/;x=1",
                CONTEXT + first + ";x=1" + rest,
                CONTEXT + path + "?x=1",
                CONTEXT + "/" + path,
                CONTEXT + path + "//",
                CONTEXT + escaped + rest,
                CONTEXT + "./" + path,
                CONTEXT + "x/../" + path,
                CONTEXT + "%2E/" + path,
                CONTEXT + path + "/.",
                CONTEXT + path + "/%2E",
                CONTEXT + path + "%2F",
                "/cticache;x=1/" + path,
                "/%63ticache/" + path,
                "/cticache/health/..;/" + path,
                // The open docs are a tree of files: none of its spellings may lend its openness to another path.
                "/cticache/docs/..;/" + path,
                "/cticache/docs/../" + path,
                "/cticache/docs/%2E%2E/" + path));
        if (!rest.isEmpty()) {
            spellings.add(CONTEXT + first + "/" + rest);
            spellings.add(CONTEXT + first + "%2F" + rest.substring(1));
            spellings.add(CONTEXT + path.replace(":", "%3A"));
            spellings.add(CONTEXT + first + "/./" + rest.substring(1));
        }
        return List.copyOf(spellings);
    }

    private static void assertNoFailures(List<String> failures) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " answers break the roles:\n" + String.join("\n", failures));
        }
    }
}
