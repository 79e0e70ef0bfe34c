package org.cticache.it.container;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With cticache.tls.required on: API calls over plain HTTP are refused, over HTTPS (or via a TLS proxy) served. */
@ExtendWith(SharedDeployment.class)
class TlsIT {

    @BeforeEach
    void onlyWhereTlsIsRequired(Target target) {
        assumeTrue(target.tlsRequired(), target.name() + " runs without cticache.tls.required");
    }

    @Test
    void everyApiCallOverPlainHttpIs403AndNeverInvitesCredentials(Target target) {
        Api plain = target.plainApi();
        String key = "5551234500:" + Numbers.uniqueAni();
        HttpRequest.Builder post = plain.request("DNIS-ANI").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + Numbers.uniqueAni() + "\"}"));

        for (String user : new String[] {null, Deployment.ADMIN, Deployment.READER}) {
            assertRefused(plain.send(plain.request("DNIS-ANI/" + key).GET(), user));
            assertRefused(plain.send(plain.request("DNIS-ANI/" + key).DELETE(), user));
            assertRefused(plain.send(plain.request("nosuch").GET(), user));
        }
        assertRefused(plain.send(post, null));
        assertRefused(plain.send(post, Deployment.ADMIN));
    }

    @Test
    void healthStaysOpenOverPlainHttpForLoadBalancers(Target target) {
        HttpResponse<String> health = target.plainApi().health();

        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void theWholeTransferWorksOverHttps(Target target) {
        Api api = target.api();
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"secure\"").path("dnis").asText() + ":" + ani;

        assertEquals("{\"value\":\"secure\"}", api.get(key).body());
        assertEquals("{\"value\":\"secure\"}", api.delete(key).body());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertProblem(response, 403, "HTTPS");
        assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent(),
                "a challenge over plain HTTP invites credentials in clear text");
    }
}
