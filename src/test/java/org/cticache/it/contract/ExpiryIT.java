package org.cticache.it.contract;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.cticache.testing.Api;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Timely;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDeployment.class)
class ExpiryIT {

    @Test
    void anEntryExpiresAfterItsTtlAndItsDnisIsFreeAgainForThatAni(Api api) {
        // The pool is sure to be full only until 1 s after the first POST: a refusal answered later proves nothing.
        Full full = Timely.observe(Duration.ofSeconds(1), () -> {
            String ani = Numbers.uniqueAni();
            String firstKey = null;
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> created = api.create(small(ani, 1));
                assertEquals(201, created.statusCode(), created.body());
                if (firstKey == null) {
                    firstKey = Api.json(created).path("dnis").asText() + ":" + ani;
                }
            }
            return new Full(ani, firstKey, api.create(small(ani, 1)));
        });
        String ani = full.ani();
        String firstKey = full.firstKey();
        HttpResponse<String> exhausted = full.exhausted();
        assertProblem(exhausted, 503, "pool 'small'");
        assertEquals("1", exhausted.headers().firstValue("Retry-After").orElseThrow());

        await("the first entry to expire").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertProblem(api.get(firstKey), 404, firstKey));
        assertProblem(api.delete(firstKey), 404, firstKey);
        assertEquals(201, api.create(small(ani, 60)).statusCode(), "the expired DNIS is free again");
    }

    @Test
    void retryAfterSaysWhenTheFirstEntryOfThatAniExpires(Api api) {
        String ani = Numbers.uniqueAni();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.create(small(ani, 30 + i)).statusCode());
        }

        HttpResponse<String> exhausted = api.create(small(ani, 30));
        long tookSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;

        assertProblem(exhausted, 503, "nothing was stored");
        int retryAfter = Integer.parseInt(exhausted.headers().firstValue("Retry-After").orElseThrow());
        // The first entry has 30 s less the time since its POST left, which is less than this test took so far.
        assertTrue(retryAfter >= 30 - tookSeconds && retryAfter <= 30,
                "Retry-After " + retryAfter + " within " + tookSeconds + " s of the first POST");
    }

    /** A caller holding the whole pool, the key of its first entry, and the POST refused for it. */
    private record Full(String ani, String firstKey, HttpResponse<String> exhausted) {
    }

    private static String small(String ani, int ttl) {
        return "{\"value\":\"v\",\"ani\":\"" + ani + "\",\"pool\":\"small\",\"ttl\":" + ttl + "}";
    }
}
