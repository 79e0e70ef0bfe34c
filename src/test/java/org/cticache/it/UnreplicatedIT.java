package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.LogRecords;
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

    @Test
    void aPostRefusedForWantOfReplicasIsLoggedAsThatNotAsAnOutage() {
        try (LogRecords log = LogRecords.of("org.cticache", record -> record.getLevel() == Level.WARNING)) {
            assertProblem(api.create(Numbers.uniqueAni(), "\"unconfirmed\""), 503, "replicas");
            // The 503 line is logged at most once every 10 s: the other test of this class may have had it.
            await("the refusal's log line").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                api.create(Numbers.uniqueAni(), "\"unconfirmed\"");
                assertTrue(log.messages(Level.WARNING).stream().anyMatch(line -> line.startsWith(
                        "cticache: answering 503: only 0 of the 1 required Redis replicas confirmed")),
                        log.messages(Level.WARNING).toString());
            });
            assertTrue(log.messages(Level.WARNING).stream().noneMatch(line -> line.contains("unreachable")),
                    log.messages(Level.WARNING).toString());
        }
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
