package org.cticache.security;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may call what, as the role check answers at the HTTP edge once Jersey has matched the call to a resource.
 * (web.xml's constraints in front of it, and the container's own 401 and 403, are the integration tests' part.)
 */
class AuthorizationTest {

    private static final String ANI = "9123456789";
    private static final String KEY = "5551234500:" + ANI;

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @ParameterizedTest
    @CsvSource({"POST, DNIS-ANI", "GET, DNIS-ANI/" + KEY, "DELETE, DNIS-ANI/" + KEY, "GET, DNIS/5550000011",
            "DELETE, DNIS/5550000011", "GET, pools", "GET, metrics"})
    void aCallWithoutCredentialsIs401WithTheBasicChallenge(String method, String path, Api api) {
        HttpResponse<String> response = api.send(request(api, method, path), null);

        assertProblem(response, 401, "send HTTP Basic credentials of a user of realm 'cticache'");
        assertEquals("Basic realm=\"cticache\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void aWrongPasswordIs401(Api api) {
        HttpResponse<String> response = api.send(api.request("DNIS-ANI/" + KEY).GET()
                .header("Authorization", "Basic dXNlcm5hbWU6d3Jvbmc="), null);

        assertProblem(response, 401, "Basic");
    }

    @Test
    void aWriterMayCreateButNeitherPeekNorTake(Api api) {
        assertEquals(201, api.send(request(api, "POST", "DNIS-ANI"), Deployment.WRITER).statusCode());

        assertProblem(api.send(request(api, "GET", "DNIS-ANI/" + KEY), Deployment.WRITER), 403,
                "the user has no role that allows GET on /cticache/DNIS-ANI/" + KEY + ": GET on /DNIS-ANI needs role"
                        + " cticache or cticache-reader");
        assertProblem(api.send(request(api, "DELETE", "DNIS-ANI/" + KEY), Deployment.WRITER), 403, "cticache-reader");
        assertEquals(200, api.get(KEY).statusCode(), "a refused take leaves the entry");
    }

    @Test
    void aReaderMayPeekAndTakeButNotCreate(Api api) {
        api.created(ANI, "1");

        assertProblem(api.send(request(api, "POST", "DNIS-ANI"), Deployment.READER), 403,
                "POST on /DNIS-ANI needs role cticache or cticache-writer");
        assertEquals(1, edge.store().size(), "a refused create stores nothing");
        assertEquals(200, api.send(request(api, "GET", "DNIS-ANI/" + KEY), Deployment.READER).statusCode());
        assertEquals(200, api.send(request(api, "DELETE", "DNIS-ANI/" + KEY), Deployment.READER).statusCode());
    }

    @Test
    void aMonitorMayWatchThePoolsAndMetricsButNotTouchEntries(Api api) {
        assertEquals(200, api.send(request(api, "GET", "pools"), Deployment.MONITOR).statusCode());
        assertEquals(200, api.send(request(api, "GET", "metrics"), Deployment.MONITOR).statusCode());

        assertProblem(api.send(request(api, "POST", "DNIS-ANI"), Deployment.MONITOR), 403, "cticache-writer");
        assertProblem(api.send(request(api, "GET", "DNIS-ANI/" + KEY), Deployment.MONITOR), 403, "cticache-reader");
        assertProblem(api.send(request(api, "GET", "pools"), Deployment.READER), 403,
                "GET on /pools needs role cticache or cticache-monitor");
    }

    @Test
    void aUserWithoutACticacheRoleIs403(Api api) {
        assertProblem(api.send(request(api, "POST", "DNIS-ANI"), Deployment.NO_ROLE), 403, "role");
        assertProblem(api.send(request(api, "GET", "DNIS/5550000011"), Deployment.NO_ROLE), 403, "role");
        assertEquals(0, edge.store().size());
    }

    @ParameterizedTest
    @CsvSource({"DNIS-ANI/, POST", "DNIS-ANI;v=1, POST", "pools/, GET", "DNIS-ANI/" + KEY + "/, GET"})
    void theRoleIsCheckedWhateverSpellingOfThePathReachedTheResource(String path, String method, Api api) {
        assertProblem(api.send(request(api, method, path), Deployment.NO_ROLE), 403, "role");
    }

    private static HttpRequest.Builder request(Api api, String method, String path) {
        HttpRequest.Builder request = api.request(path);
        return switch (method) {
            case "POST" -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + ANI + "\"}"));
            case "DELETE" -> request.DELETE();
            default -> request.GET();
        };
    }
}
