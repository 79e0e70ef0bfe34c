package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.Deployment;
import org.cticache.testing.LatencyProxy;
import org.cticache.testing.LogRecords;
import org.cticache.testing.Numbers;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Connections to a distant Redis are opened ahead of the calls that need them, and the scripts are in Redis before
 * the first call after a restart, which the log tells in one line: counted on a relay that holds each request {@value #ROUND_TRIP_MILLIS} ms, as a
 * Redis across a WAN would, and in Redis's own error counts (a NOSCRIPT is a call that paid for a forgotten script).
 */
class WarmConnectionsIT {

    private static final long ROUND_TRIP_MILLIS = 20;
    private static final int MIN_IDLE = 8;

    private TestRedis redis;
    private LatencyProxy proxy;

    @BeforeEach
    void start() {
        redis = TestRedis.start();
        proxy = LatencyProxy.to(redis, Duration.ofMillis(ROUND_TRIP_MILLIS));
    }

    @AfterEach
    void stop() {
        proxy.close();
        redis.close();
    }

    @Test
    void minIdleConnectionsAreOpenBeforeTheFirstBurstOfCalls() {
        try (Deployment cold = deployment(0, 0).start(); Deployment warm = deployment(MIN_IDLE, 0).start()) {
            long coldOpened = openedDuringBurst(cold.api());
            long warmOpened = openedDuringBurst(warm.api());
            System.out.printf("a burst of %d calls after start-up at %d ms RTT opened %d connections with min-idle 0,"
                    + " %d with min-idle %d%n", MIN_IDLE, ROUND_TRIP_MILLIS, coldOpened, warmOpened, MIN_IDLE);
            assertTrue(coldOpened > 0, "without min-idle the burst opens connections: " + coldOpened);
            assertEquals(0, warmOpened, "min-idle connections were opened at start-up");
        }
    }

    @Test
    void scriptsAreLoadedBeforeTheFirstCallAfterARestartFoundByACall() throws InterruptedException {
        try (Deployment deployment = deployment(0, 0).start()) {
            Api api = deployment.api();
            assertEquals(201, api.create(Numbers.uniqueAni(), "\"before\"").statusCode());
            redis.stop();
            redis.restart();
            // Longer than a connection may sit idle unchecked (IdleConnections): the check before the call finds it
            // broken. A precondition, not a wait for an outcome.
            Thread.sleep(1_100);
            assertEquals(201, api.create(Numbers.uniqueAni(), "\"after\"").statusCode());
            assertNoScriptErrors();
        }
    }

    @Test
    void afterARestartTheBackgroundCheckReopensMinIdleConnectionsAndTheScriptsPrecedeTheFirstCall() {
        try (Deployment deployment = deployment(MIN_IDLE, 200).start();
             LogRecords jedisLog = LogRecords.of("redis.clients.jedis", record -> true);
             LogRecords checkLog = LogRecords.of("org.cticache.store", record -> true)) {
            Api api = deployment.api();
            assertEquals(201, api.create(Numbers.uniqueAni(), "\"before\"").statusCode());
            redis.stop();
            redis.restart();
            await().atMost(Duration.ofSeconds(10)).until(() -> connectedClients() >= MIN_IDLE);
            assertEquals(List.of(), jedisLog.messages(Level.WARNING), "Jedis's stack trace per broken connection");
            List<String> said = checkLog.messages(Level.WARNING);
            assertEquals(1, said.size(), "one line for all the broken idle connections: " + said);
            assertTrue(said.get(0).contains("idle connections to Redis no longer answer"), said.get(0));
            long opened = proxy.connectionsOpened();
            List<Integer> statuses = Concurrently.run(MIN_IDLE,
                    i -> api.create(Numbers.uniqueAni(), "\"after\"").statusCode());
            System.out.printf("after a restart: %d connections reopened in the background; a burst of %d POSTs"
                    + " opened %d more%n", MIN_IDLE, MIN_IDLE, proxy.connectionsOpened() - opened);
            assertTrue(statuses.stream().allMatch(status -> status == 201), statuses.toString());
            assertNoScriptErrors();
        }
    }

    private Deployment.Builder deployment(int minIdle, int idleCheckMillis) {
        return Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri())
                .set("cticache.redis.pool.min-idle", Integer.toString(minIdle))
                .set("cticache.redis.pool.idle-check", Integer.toString(idleCheckMillis));
    }

    /** Connections opened by a burst of concurrent GETs, each on a connection of its own if none were idle. */
    private long openedDuringBurst(Api api) {
        long before = proxy.connectionsOpened();
        List<HttpResponse<String>> answers = Concurrently.run(MIN_IDLE, i -> api.get("5550000000:" + (i + 1)));
        answers.forEach(answer -> assertEquals(404, answer.statusCode(), answer.body()));
        return proxy.connectionsOpened() - before;
    }

    private long connectedClients() {
        try (Jedis jedis = redis.client()) {
            // Less this one.
            return infoField(jedis.info("clients"), "connected_clients") - 1;
        }
    }

    private void assertNoScriptErrors() {
        try (Jedis jedis = redis.client()) {
            String errors = jedis.info("errorstats");
            assertFalse(errors.contains("NOSCRIPT"), "a call ran a script Redis did not have: " + errors);
        }
    }

    private static long infoField(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).strip());
            }
        }
        throw new AssertionError(name + " is not in " + info);
    }
}
