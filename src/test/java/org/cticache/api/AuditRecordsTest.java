package org.cticache.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpRequest;
import java.util.List;
import org.cticache.audit.ApiCall;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each resource tells the audit record of its call: the pool, DNIS and masked caller it worked on, and nothing
 * of an input it refused. (The audit filter, the log line and X-Request-Id are the integration tests' part.)
 */
class AuditRecordsTest {

    private static final String ANI = "9123456789";
    private static final String MASKED = "******6789";

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @Test
    void aCreateRecordsThePoolDnisAndMaskedCallerItAllocated(Api api) {
        api.send(post(api, "{\"value\":1,\"ani\":\"(912) 345-6789\",\"pool\":\"SMALL\"}"), Deployment.WRITER);

        assertRecord("writer create small 5550000001 " + MASKED + " 201", edge.lastCall());
        assertFalse(edge.lastCall().requestId().isBlank());
    }

    @Test
    void aPeekAndATakeRecordTheirEntrysPoolDnisAndMaskedCaller(Api api) {
        api.created(ANI, "1");
        api.send(api.request("DNIS-ANI/5551234500:" + ANI).GET(), Deployment.READER);
        api.send(api.request("DNIS-ANI/5551234500:" + ANI).DELETE(), Deployment.READER);
        api.send(api.request("DNIS-ANI/5551234500:" + ANI).DELETE(), Deployment.READER);

        List<ApiCall> calls = edge.calls();
        assertEquals(4, calls.size());
        assertRecord("reader peek default 5551234500 " + MASKED + " 200", calls.get(1));
        assertRecord("reader take default 5551234500 " + MASKED + " 200", calls.get(2));
        assertRecord("reader take default 5551234500 " + MASKED + " 404", calls.get(3));
    }

    @Test
    void aCallByDnisRecordsItsPoolAndNoCaller(Api api) {
        api.send(api.request("DNIS/5550000012").GET(), Deployment.ADMIN);

        assertRecord("username peek-dnis rewriting 5550000012 - 404", edge.lastCall());
    }

    @Test
    void aRefusedInputRecordsNoNumbersNotEvenThoseItParsed(Api api) {
        api.send(post(api, "{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"planted-secret\"}"), Deployment.ADMIN);
        assertRecord("username create - - - 400", edge.lastCall());

        api.send(api.request("DNIS-ANI/5551234500:12ab").GET(), Deployment.ADMIN);
        assertRecord("username peek - - - 400", edge.lastCall());
    }

    @Test
    void aRefusedCallRecordsWhoAskedAndTheRefusal(Api api) {
        api.send(api.request("DNIS-ANI/5551234500:" + ANI).DELETE(), Deployment.WRITER);
        assertRecord("writer take - - - 403", edge.lastCall());

        api.send(post(api, "{\"value\":1,\"ani\":\"" + ANI + "\"}"), null);
        assertRecord("- create - - - 401", edge.lastCall());
    }

    @Test
    void anExhaustedPoolRecordsThePoolAskedForAndTheCaller(Api api) {
        for (int i = 0; i < 6; i++) {
            api.send(post(api, "{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"small\"}"), Deployment.ADMIN);
        }

        assertRecord("username create small - " + MASKED + " 503", edge.lastCall());
    }

    private static HttpRequest.Builder post(Api api, String body) {
        return api.request("DNIS-ANI").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The record's user, operation, pool, DNIS, ANI and status, as "user op pool dnis ani status". */
    private static void assertRecord(String expected, ApiCall call) {
        assertEquals(expected, String.join(" ", call.user(), call.operation(), call.pool(), call.dnis(), call.ani(),
                Integer.toString(call.status())), call::toString);
    }
}
