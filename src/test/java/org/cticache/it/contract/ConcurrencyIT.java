package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.ContractSettings;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDeployment.class)
class ConcurrencyIT {

    @Test
    void dozensOfConcurrentPostsForOneAniAllGetDifferentDnis(Api api) {
        String ani = Numbers.uniqueAni();

        List<HttpResponse<String>> responses = Concurrently.run(60, i -> api.create(ani, Integer.toString(i)));

        Set<String> dnis = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(dnis.add(Api.json(response).path("dnis").asText()), "DNIS handed out twice: " + dnis);
        }
    }

    @Test
    void concurrentPostsForOneAniFillThePoolThenGet503WithNothingOverwritten(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();

        List<HttpResponse<String>> responses = Concurrently.run(40,
                i -> api.create("{\"value\":" + i + ",\"ani\":\"" + ani + "\",\"pool\":\"small\"}"));

        assertOnlyFiveOfTheSmallPoolSucceeded(responses);
        assertEachStoredValueIsTheOneItsPostWasToldAbout(responses, ani, api);
        assertEquals(5, redis.data().keys(StoredKeys.of(ani) + "*").size());
    }

    @Test
    void twoServiceInstancesSharingOneRedisNeverHandOutOneDnisTwice(Api api, RedisUnderTest redis, Target target) {
        Deployment.Builder instance = Deployment.of(redis)
                .set("cticache.dnis.pool", ContractSettings.DEFAULT_POOL)
                .set("cticache.dnis.pool.small", ContractSettings.SMALL_POOL);
        // Instances that share a Redis share its key too.
        if (target.cryptoKey() != null) {
            instance.set("cticache.crypto.key", target.cryptoKey());
        }
        try (Deployment second = instance.start()) {
            Api other = second.api();
            String ani = Numbers.uniqueAni();
            List<HttpResponse<String>> responses = Concurrently.run(80,
                    i -> (i % 2 == 0 ? api : other).create(ani, Integer.toString(i)));
            Set<String> dnis = new HashSet<>();
            for (HttpResponse<String> response : responses) {
                assertEquals(201, response.statusCode(), response.body());
                assertTrue(dnis.add(Api.json(response).path("dnis").asText()), "DNIS handed out twice: " + dnis);
            }

            String crowded = Numbers.uniqueAni();
            List<HttpResponse<String>> small = Concurrently.run(40, i -> (i % 2 == 0 ? api : other)
                    .create("{\"value\":" + i + ",\"ani\":\"" + crowded + "\",\"pool\":\"small\"}"));
            assertOnlyFiveOfTheSmallPoolSucceeded(small);
            assertEachStoredValueIsTheOneItsPostWasToldAbout(small, crowded, api);
        }
    }

    @Test
    void ofConcurrentDeletesOfOneEntryExactlyOneGetsTheValue(Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"only once\"").path("dnis").asText() + ":" + ani;

        List<HttpResponse<String>> responses = Concurrently.run(30, i -> api.delete(key));

        long taken = responses.stream().filter(response -> response.statusCode() == 200).count();
        assertEquals(1, taken, "exactly one DELETE takes the entry");
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                assertEquals("{\"value\":\"only once\"}", response.body());
            } else {
                assertProblem(response, 404, key);
            }
        }
    }

    private static void assertOnlyFiveOfTheSmallPoolSucceeded(List<HttpResponse<String>> responses) {
        Set<String> dnis = new HashSet<>();
        int exhausted = 0;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                assertTrue(dnis.add(Api.json(response).path("dnis").asText()), "DNIS handed out twice: " + dnis);
            } else {
                assertProblem(response, 503, "pool 'small'");
                int retryAfter = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
                exhausted++;
            }
        }
        assertEquals(5, dnis.size(), "the small pool has five numbers");
        assertEquals(responses.size() - 5, exhausted);
    }

    /** Every 201 told its caller the truth: the DNIS it got holds that caller's value, nobody else's. */
    private static void assertEachStoredValueIsTheOneItsPostWasToldAbout(List<HttpResponse<String>> responses,
                                                                         String ani, Api api) {
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                String dnis = Api.json(response).path("dnis").asText();
                String value = Api.json(response).path("value").toString();
                assertEquals("{\"value\":" + value + "}", api.get(dnis + ":" + ani).body());
            }
        }
    }
}
