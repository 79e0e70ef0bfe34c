package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StoredKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An IVR that retries a POST after a timeout gets its first allocation back instead of a second DNIS. */
@ExtendWith(SharedDeployment.class)
class IdempotencyIT {

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalAllocation(Api api) {
        String ani = Numbers.uniqueAni();
        String body = "{\"value\":\"x\",\"ani\":\"" + ani + "\"}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(api, body, key);
        HttpResponse<String> retry = post(api, body, key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
    }

    @Test
    void concurrentRetriesWithOneKeyAllocateOnce(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        String body = "{\"value\":7,\"ani\":\"" + ani + "\"}";
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> responses = Concurrently.run(20, i -> post(api, body, key));

        Set<String> bodies = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertEquals(201, response.statusCode(), response.body());
            bodies.add(response.body());
        }
        assertEquals(1, bodies.size(), "every retry sees one allocation: " + bodies);
        assertEquals(1, redis.data().keys(StoredKeys.of(ani) + "555*").size(), "entries stored");
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndStoresNothing(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(api, "{\"value\":1,\"ani\":\"" + ani + "\"}", key).statusCode());

        assertProblem(post(api, "{\"value\":2,\"ani\":\"" + ani + "\"}", key), 422, key);
        assertEquals(1, redis.data().keys(StoredKeys.of(ani) + "555*").size(), "entries stored");
    }

    @Test
    void theSameKeyFromAnotherCallerOrForAnotherPoolOrTtlIs422AndStoresNothing(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(api, "{\"value\":1,\"ani\":\"" + ani + "\"}", key).statusCode());

        String other = Numbers.uniqueAni();
        assertProblem(post(api, "{\"value\":1,\"ani\":\"" + other + "\"}", key), 422, key);
        assertEquals(0, redis.data().keys(StoredKeys.of(other) + "555*").size(), "entries stored for the other");
        assertProblem(post(api, "{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"small\"}", key), 422, key);
        assertProblem(post(api, "{\"value\":1,\"ani\":\"" + ani + "\",\"ttl\":7}", key), 422, key);
        assertEquals(1, redis.data().keys(StoredKeys.of(ani) + "555*").size(), "entries stored");
    }

    @Test
    void aKeyWhoseRequestWasRefusedIsFreeForAnotherRequest(Api api) {
        String ani = Numbers.uniqueAni();
        String small = "{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"small\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.create(small).statusCode());
        }
        String key = UUID.randomUUID().toString();
        assertProblem(post(api, small, key), 503, "");
        assertEquals(201, post(api, "{\"value\":2,\"ani\":\"" + ani + "\"}", key).statusCode());
    }

    @Test
    void withoutAKeyEveryPostIsANewAllocation(Api api) {
        String ani = Numbers.uniqueAni();
        String body = "{\"value\":\"x\",\"ani\":\"" + ani + "\"}";

        String first = Api.json(api.create(body)).path("dnis").asText();
        String second = Api.json(api.create(body)).path("dnis").asText();

        assertEquals(false, first.equals(second));
    }

    @Test
    void aMalformedKeyIs400(Api api) {
        assertProblem(post(api, "{\"value\":1,\"ani\":\"" + Numbers.uniqueAni() + "\"}", "has space"), 400,
                "Idempotency-Key");
    }

    private static HttpResponse<String> post(Api api, String body, String key) {
        return api.send(api.request("DNIS-ANI").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)), Deployment.ADMIN);
    }
}
