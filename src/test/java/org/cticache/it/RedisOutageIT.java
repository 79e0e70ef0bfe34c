package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertUnavailableWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Redis stopped or frozen under a running service: 503 within the timeout, then recovery without a restart. */
class RedisOutageIT {

    private static final int TIMEOUT_MILLIS = 1_000;
    // Half a timeout of slack for a busy 2-core machine: enough to tell one timeout from two.
    private static final long BOUND_MILLIS = TIMEOUT_MILLIS * 3 / 2;

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.redis.timeout", Integer.toString(TIMEOUT_MILLIS)));

    private final TestRedis redis = SERVICE.redis();
    private final Api api = SERVICE.api();

    @Test
    void redisDownAnswers503WithinTheTimeoutAndTheServiceRecoversByItself() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"before\"").path("dnis").asText() + ":" + ani;

        redis.stop();
        try {
            assertUnavailable(() -> api.create(Numbers.uniqueAni(), "\"during\""));
            assertUnavailable(() -> api.get(key));
            assertUnavailable(() -> api.delete(key));
            HttpResponse<String> health = api.health();
            assertEquals(503, health.statusCode());
            assertEquals("{\"status\":\"DOWN\"}", health.body());
        } finally {
            redis.restart();
        }

        HttpResponse<String> first = api.create(Numbers.uniqueAni(), "\"after\"");
        assertEquals(201, first.statusCode(), "the first call after Redis is back succeeds: " + first.body());
        assertEquals(200, api.health().statusCode());
    }

    @Test
    void aFrozenRedisAnswers503WithinTheTimeoutAndServesAgainWhenItThaws() {
        api.created(Numbers.uniqueAni(), "\"warm-up\"");
        // Frozen until thawed, not for a fixed time that the checks below would have to fit in.
        try (TestRedis.Frozen frozen = redis.freeze()) {
            assertUnavailable(() -> api.get("5551234500:" + Numbers.uniqueAni()));
            long start = System.nanoTime();
            assertEquals(503, api.health().statusCode());
            assertTrue((System.nanoTime() - start) / 1_000_000 < BOUND_MILLIS, "health answered in time");
        }

        assertEquals(201, api.create(Numbers.uniqueAni(), "\"thawed\"").statusCode());
    }

    @Test
    void aRedisThatRefusesWritesIs503AndHealthSaysDown() throws Exception {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"before\"").path("dnis").asText() + ":" + ani;
        Path gone = Files.createTempDirectory("redis-dir");
        try (Jedis jedis = redis.client()) {
            String dir = jedis.configGet("dir").get("dir");
            // A snapshot that cannot be written makes Redis refuse writes (MISCONF) while save points are set.
            jedis.configSet("save", "3600 1");
            jedis.configSet("dir", gone.toString());
            Files.delete(gone);
            jedis.bgsave();
            awaitRefusal(jedis);
            try {
                assertUnavailable(() -> api.create(Numbers.uniqueAni(), "\"during\""));
                assertUnavailable(() -> api.delete(key));
                HttpResponse<String> health = api.health();
                assertEquals(503, health.statusCode());
                assertEquals("{\"status\":\"DOWN\"}", health.body());
            } finally {
                jedis.configSet("dir", dir);
                jedis.configSet("save", "");
                jedis.bgsave();
            }
        }
        assertEquals(200, api.health().statusCode());
        assertEquals(200, api.delete(key).statusCode());
    }

    private static void awaitRefusal(Jedis jedis) {
        await("Redis to refuse writes after a failed snapshot").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThrows(JedisDataException.class, () -> jedis.set("misconf-probe", "1")));
    }

    private static void assertUnavailable(Supplier<HttpResponse<String>> call) {
        assertUnavailableWithin(BOUND_MILLIS, "Redis", call);
    }
}
