package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDeployment.class)
class ExpiryIT {

    @Test
    void anEntryExpiresAfterItsTtlAndItsDnisIsFreeAgainForThatAni(Api api) throws InterruptedException {
        String ani = Numbers.uniqueAni();
        String firstKey = null;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = api.create(small(ani, 1));
            assertEquals(201, created.statusCode(), created.body());
            if (firstKey == null) {
                firstKey = Api.json(created).path("dnis").asText() + ":" + ani;
            }
        }
        HttpResponse<String> exhausted = api.create(small(ani, 1));
        assertProblem(exhausted, 503, "pool 'small'");
        assertEquals("1", exhausted.headers().firstValue("Retry-After").orElseThrow());

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (api.get(firstKey).statusCode() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertProblem(api.get(firstKey), 404, firstKey);
        assertProblem(api.delete(firstKey), 404, firstKey);
        assertEquals(201, api.create(small(ani, 60)).statusCode(), "the expired DNIS is free again");
    }

    @Test
    void retryAfterSaysWhenTheFirstEntryOfThatAniExpires(Api api) {
        String ani = Numbers.uniqueAni();
        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.create(small(ani, 30 + i)).statusCode());
        }

        HttpResponse<String> exhausted = api.create(small(ani, 30));

        assertProblem(exhausted, 503, "nothing was stored");
        int retryAfter = Integer.parseInt(exhausted.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 25 && retryAfter <= 30, "Retry-After " + retryAfter);
    }

    private static String small(String ani, int ttl) {
        return "{\"value\":\"v\",\"ani\":\"" + ani + "\",\"pool\":\"small\",\"ttl\":" + ttl + "}";
    }
}
