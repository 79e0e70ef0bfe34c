package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
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
 * A connection cut, or an answer held back until the command timed out, after Redis ran a command (a proxy between
 * cticache and Redis does it): an allocation or take is never run again, it answers 503 saying the entry may have
 * been stored or taken; a peek is run again; a POST or DELETE retried with the same Idempotency-Key gets the DNIS
 * or the value the lost answer carried.
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
        // A command timeout short enough that a held answer costs the test little.
        service = Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri())
                .set("cticache.redis.timeout", "1000").start();
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
        assertProblem(api.create(ani, "\"once\""), 503, "the entry may have been stored");
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
        assertProblem(delete(key, retryKey), 503, "the entry may have been taken");
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
        assertProblem(api.delete(key), 503, "the entry may have been taken");
        assertProblem(api.delete(key), 404, key);
    }

    @Test
    void aPostWhoseCommandTimedOutSaysTheEntryMayHaveBeenStoredAndItsRetryGetsItsDnis() {
        String ani = Numbers.uniqueAni();
        String body = "{\"value\":\"timed out\",\"ani\":\"" + ani + "\"}";
        String idempotencyKey = UUID.randomUUID().toString();
        api.created(Numbers.uniqueAni(), "\"warm\"");
        proxy.holdAnswerTo("EVALSHA");

        HttpResponse<String> timedOut = post(body, idempotencyKey);
        assertProblem(timedOut, 503, "Redis did not answer in time; the entry may have been stored: retry with the"
                + " same Idempotency-Key to get its DNIS");
        assertEquals("1", timedOut.headers().firstValue("Retry-After").orElse(""), "Retry-After");
        assertTrue(proxy.cut());
        Set<String> stored = redis.data().keys(StoredKeys.of(ani) + "555*");
        assertEquals(1, stored.size(), "entries stored");

        HttpResponse<String> retry = post(body, idempotencyKey);
        assertEquals(201, retry.statusCode(), retry.body());
        String dnis = Api.json(retry).path("dnis").asText();
        assertTrue(stored.iterator().next().endsWith(":" + dnis), "the retry got the stored entry's DNIS " + stored);
        assertEquals("{\"value\":\"timed out\"}", api.get(dnis + ":" + ani).body());
    }

    @Test
    void aTakeWhoseCommandTimedOutSaysTheEntryMayHaveBeenTakenAndItsRetryGetsTheValue() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"held\"").path("dnis").asText() + ":" + ani;
        String retryKey = UUID.randomUUID().toString();
        proxy.holdAnswerTo("EVALSHA");

        assertProblem(delete(key, retryKey), 503, "Redis did not answer in time; the entry may have been taken:"
                + " retry with the same Idempotency-Key to get its value");
        assertTrue(proxy.cut());
        HttpResponse<String> retry = delete(key, retryKey);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("{\"value\":\"held\"}", retry.body());
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

    private static HttpResponse<String> post(String body, String idempotencyKey) {
        return api.send(api.request("DNIS-ANI").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)),
                Deployment.ADMIN);
    }

    private static HttpResponse<String> delete(String key, String retryKey) {
        return api.send(api.request("DNIS-ANI/" + key).header("Idempotency-Key", retryKey).DELETE(),
                Deployment.ADMIN);
    }
}
