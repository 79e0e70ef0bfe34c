package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDeployment.class)
class AuthIT {

    @Test
    void everyApiCallWithoutCredentialsIs401WithABasicChallenge(Api api) {
        String key = "5551234500:" + Numbers.uniqueAni();
        assertChallenge(api.send(post(api, Numbers.uniqueAni()), null));
        assertChallenge(api.send(api.request("DNIS-ANI/" + key).GET(), null));
        assertChallenge(api.send(api.request("DNIS-ANI/" + key).DELETE(), null));
        assertChallenge(api.send(api.request("DNIS-ANI/" + key).PUT(HttpRequest.BodyPublishers.noBody()), null));
        assertChallenge(api.send(api.request("nosuch").GET(), null));
    }

    @Test
    void aWrongPasswordIs401(Api api) {
        HttpResponse<String> response = api.send(api.request("DNIS-ANI/5551234500:1234567890").GET()
                .header("Authorization", "Basic dXNlcm5hbWU6d3Jvbmc="), null);
        assertChallenge(response);
    }

    @Test
    void aWriterMayCreateButNotReadOrTake(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = api.send(post(api, ani), Deployment.WRITER);
        assertEquals(201, created.statusCode(), created.body());
        String key = Api.json(created).path("dnis").asText() + ":" + ani;

        assertProblem(api.send(api.request("DNIS-ANI/" + key).GET(), Deployment.WRITER), 403, "role");
        assertProblem(api.send(api.request("DNIS-ANI/" + key).DELETE(), Deployment.WRITER), 403, "role");
        assertEquals(200, api.get(key).statusCode(), "a refused take leaves the entry");
    }

    @Test
    void aReaderMayPeekAndTakeButNotCreate(Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani;

        assertProblem(api.send(post(api, Numbers.uniqueAni()), Deployment.READER), 403, "role");
        assertEquals(200, api.send(api.request("DNIS-ANI/" + key).GET(), Deployment.READER).statusCode());
        assertEquals(200, api.send(api.request("DNIS-ANI/" + key).DELETE(), Deployment.READER).statusCode());
    }

    @Test
    void anAuthenticatedUserWithoutACticacheRoleIs403(Api api) {
        assertProblem(api.send(post(api, Numbers.uniqueAni()), Deployment.NO_ROLE), 403, "role");
        assertProblem(api.send(api.request("DNIS-ANI/5551234500:1234567890").GET(), Deployment.NO_ROLE), 403,
                "role");
    }

    @Test
    void healthIsOpenAndSaysOnlyUp(Api api) {
        HttpResponse<String> response = api.health();

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    private static HttpRequest.Builder post(Api api, String ani) {
        return api.request("DNIS-ANI").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"v\",\"ani\":\"" + ani + "\"}"));
    }

    private static void assertChallenge(HttpResponse<String> response) {
        assertProblem(response, 401, "Basic");
        assertEquals("Basic realm=\"cticache\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
