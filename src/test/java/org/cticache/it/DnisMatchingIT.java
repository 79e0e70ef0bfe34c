package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pool matched by DNIS alone, for networks that rewrite the caller's number on transfer. */
class DnisMatchingIT {

    private static final List<String> POOL = List.of("5550000001", "5550000002", "5550000003");

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.dnis.pool.rewriting", "5550000001-5550000003")
            .set("cticache.match.rewriting", "dnis"));

    private final Api api = SERVICE.api();

    @BeforeEach
    void emptyPool() {
        SERVICE.redis().data().keys("cticache:{pool:rewriting}:*").forEach(SERVICE.redis().data()::del);
    }

    @Test
    void aDnisHoldsOneCallerWhateverTheAni() {
        for (int i = 0; i < POOL.size(); i++) {
            assertEquals(201, post(Numbers.uniqueAni()).statusCode());
        }

        assertProblem(post(Numbers.uniqueAni()), 503, "pool 'rewriting'");
    }

    @Test
    void theTargetFindsTheEntryByDnisAloneEvenWithARewrittenAni() {
        String ani = Numbers.uniqueAni();
        String dnis = Api.json(post(ani)).path("dnis").asText();

        assertProblem(api.get(dnis + ":" + Numbers.uniqueAni()), 404, dnis);
        assertEquals("{\"value\":\"data\"}", api.get(dnis + ":" + ani).body());
        assertEquals("{\"value\":\"data\"}", api.send(api.request("DNIS/" + dnis).GET(), Deployment.ADMIN).body());
        assertEquals("{\"value\":\"data\"}", api.send(api.request("DNIS/" + dnis).DELETE(), Deployment.ADMIN).body());
        assertProblem(api.send(api.request("DNIS/" + dnis).GET(), Deployment.ADMIN), 404, "DNIS " + dnis);
        assertEquals(201, post(Numbers.uniqueAni()).statusCode(), "the taken DNIS is free again");
    }

    @Test
    void concurrentCallersFromManyAnisNeverShareADnis() {
        List<HttpResponse<String>> responses = Concurrently.run(20, i -> post(Numbers.uniqueAni()));

        Set<String> handedOut = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                assertTrue(handedOut.add(Api.json(response).path("dnis").asText()), "one DNIS twice: " + handedOut);
            } else {
                assertProblem(response, 503, "pool 'rewriting'");
            }
        }
        assertEquals(Set.copyOf(POOL), handedOut);
    }

    @Test
    void aDnisOutsideEveryPoolMatchedByDnisIsNotFound() {
        assertProblem(api.send(api.request("DNIS/5551234500").GET(), Deployment.ADMIN), 404, "DNIS 5551234500");
    }

    @Test
    void theDnisPathNeedsCredentials() {
        HttpResponse<String> response = api.send(api.request("DNIS/5550000001").GET(), null);
        assertProblem(response, 401, "Basic");
    }

    private HttpResponse<String> post(String ani) {
        return api.create("{\"value\":\"data\",\"ani\":\"" + ani + "\",\"pool\":\"rewriting\"}");
    }
}
