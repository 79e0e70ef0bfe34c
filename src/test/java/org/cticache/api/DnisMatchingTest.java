package org.cticache.api;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Peek and take by the DNIS alone, for a pool matched by DNIS (the network rewrites the caller's number). */
class DnisMatchingTest {

    private static final String ANI = "9123456789";

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @Test
    void theTargetFindsTheEntryByTheDnisAloneWhateverAniTheCallArrivesWith(Api api) {
        String dnis = Api.json(api.create("{\"value\":\"data\",\"ani\":\"" + ANI + "\",\"pool\":\"rewriting\"}"))
                .path("dnis").asText();

        assertEquals("5550000011", dnis);
        assertProblem(api.get(dnis + ":9000000001"), 404, dnis + ":9000000001");
        assertEquals("{\"value\":\"data\"}", api.get(dnis + ":" + ANI).body());
        assertEquals("{\"value\":\"data\"}", byDnis(api, "GET", "555.000.0011").body());
        assertEquals("{\"value\":\"data\"}", byDnis(api, "DELETE", dnis).body());
        assertProblem(byDnis(api, "GET", dnis), 404, "no live entry for DNIS " + dnis);
    }

    @Test
    void theValueReadByDnisIsNeverCached(Api api) {
        String dnis = Api.json(api.create("{\"value\":\"data\",\"ani\":\"" + ANI + "\",\"pool\":\"rewriting\"}"))
                .path("dnis").asText();

        assertEquals(List.of("no-store"), byDnis(api, "GET", dnis).headers().allValues("Cache-Control"));
        assertEquals(List.of("no-store"), byDnis(api, "DELETE", dnis).headers().allValues("Cache-Control"));
    }

    @Test
    void aDnisOutsideEveryPoolMatchedByDnisIsNotFound(Api api) {
        api.created(ANI, "1");

        assertProblem(byDnis(api, "GET", "5551234500"), 404, "DNIS 5551234500");
        assertProblem(byDnis(api, "DELETE", "5551234500"), 404, "DNIS 5551234500");
        assertEquals(1, edge.store().size());
    }

    @Test
    void aDnisThatIsNotANumberIs400(Api api) {
        assertProblem(byDnis(api, "GET", "not-a-number"), 400, "dnis");
    }

    private static HttpResponse<String> byDnis(Api api, String method, String dnis) {
        return api.send(method.equals("GET") ? api.request("DNIS/" + dnis).GET() : api.request("DNIS/" + dnis)
                .DELETE(), Deployment.READER);
    }
}
