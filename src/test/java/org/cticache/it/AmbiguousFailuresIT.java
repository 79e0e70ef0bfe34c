package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.cticache.testing.Api;
import org.cticache.testing.CuttingProxy;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection cut after Redis ran a command and before its answer arrived (a proxy between cticache and Redis
 * does it): an allocation or take is never run again, it answers 503; a peek is; a take retried with the same
 * Idempotency-Key gets the value the lost answer carried.
 */
class AmbiguousFailuresIT {

    private static TestRedis redis;
    private static CuttingProxy proxy;
    private static Deployment service;
    private static Api api;

    @BeforeAll
    static void start() {
        redis = TestRedis.start();
        proxy = CuttingProxy.to(redis);
        service = Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri()).start();
        api = service.api();
    }

    @AfterAll
    static void stop() {
        service.close();
        proxy.close();
        redis.close();
    }

    @Test
    void aPostWhoseAnswerWasLostIs503AndAllocatedOnceNotTwice() {
        String ani = Numbers.uniqueAni();
        api.created(Numbers.uniqueAni(), "\"warm\"");
        proxy.cutAnswerTo("EVALSHA");
        assertProblem(api.create(ani, "\"once\""), 503, "may have run");
        assertTrue(proxy.cut());
        assertEquals(1, redis.data().keys(StoredKeys.of(ani) + "555*").size(), "entries stored");
        assertEquals(201, api.create(Numbers.uniqueAni(), "\"after\"").statusCode(), "the next call is served");
    }

    @Test
    void aTakeWhoseAnswerWasLostGivesTheValueToItsRetryWithTheSameIdempotencyKey() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"kept\"").path("dnis").asText() + ":" + ani;
        String retryKey = UUID.randomUUID().toString();
        proxy.cutAnswerTo("EVALSHA");
        assertProblem(delete(key, retryKey), 503, "may have run");
        assertTrue(proxy.cut());
        HttpResponse<String> retry = delete(key, retryKey);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("{\"value\":\"kept\"}", retry.body());
        assertProblem(api.get(key), 404, key);
    }

    @Test
    void aTakeWithoutAKeyWhoseAnswerWasLostIs503AndTheValueIsGone() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"lost\"").path("dnis").asText() + ":" + ani;
        proxy.cutAnswerTo("EVALSHA");
        assertProblem(api.delete(key), 503, "may have run");
        assertProblem(api.delete(key), 404, key);
    }

    @Test
    void aPeekWhoseAnswerWasLostIsRunAgain() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"seen\"").path("dnis").asText() + ":" + ani;
        proxy.cutAnswerTo("GET");
        HttpResponse<String> peek = api.get(key);
        assertTrue(proxy.cut());
        assertEquals(200, peek.statusCode(), peek.body());
        assertEquals("{\"value\":\"seen\"}", peek.body());
    }

    private static HttpResponse<String> delete(String key, String retryKey) {
        return api.send(api.request("DNIS-ANI/" + key).header("Idempotency-Key", retryKey).DELETE(),
                Deployment.ADMIN);
    }
}
