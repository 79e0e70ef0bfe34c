package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With cticache.redis.wait.replicas and too few replicas (here: none at all), a POST answers 503 and leaves
 * nothing behind: no entry, no idempotency record, no count; a retry never gets 201 for an entry that is not
 * there.
 */
class UnreplicatedIT {

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.redis.wait.replicas", "1")
            .set("cticache.redis.wait.timeout", "100"));

    private final Api api = SERVICE.api();
    private final TestRedis redis = SERVICE.redis();

    @Test
    void aPostNoReplicaConfirmedLeavesNothingAndItsRetryIsRefusedToo() {
        long live = pool().path("live").asLong();
        String ani = Numbers.uniqueAni();
        String key = UUID.randomUUID().toString();
        String body = "{\"value\":\"unconfirmed\",\"ani\":\"" + ani + "\"}";

        assertProblem(post(body, key), 503, "replicas");
        assertProblem(post(body, key), 503, "replicas");
        assertProblem(api.create(ani, "\"no key\""), 503, "replicas");

        assertEquals(Set.of(), redis.data().keys(StoredKeys.of(ani) + "*"), "entries and records of the ANI");
        assertEquals(Set.of(), redis.data().keys("cticache:idempotency:" + key), "the key's record");
        assertEquals(live, pool().path("live").asLong());
    }

    private HttpResponse<String> post(String body, String idempotencyKey) {
        return api.send(api.request("DNIS-ANI").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)),
                Deployment.ADMIN);
    }

    private JsonNode pool() {
        HttpResponse<String> response = api.send(api.request("pools").GET(), Deployment.MONITOR);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response).path("pools").get(0);
    }
}
