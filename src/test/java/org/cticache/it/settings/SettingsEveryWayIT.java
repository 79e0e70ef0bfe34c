package org.cticache.it.settings;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.SettingWay;
import org.cticache.testing.SettingsDeployment;
import org.cticache.testing.TestRedis;
import org.cticache.testing.redis.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisMonitor;
import redis.embedded.RedisServer;

/**
 * Issue 19: no setting is silently ignored. Each documented way of giving settings, on Tomcat and on Jetty, carries
 * every setting below (each off its default) and nothing else does; then each one's behaviour is checked over HTTP
 * and in Redis, not only the start-up line. One container start per way.
 */
class SettingsEveryWayIT {

    private static final String MARKER = "plain-marker-4711";
    private static final String CALLER = "555-010-1001";
    private static final String CALLER_E164 = "+15550101001";
    private static final int WAIT_TIMEOUT = 750;

    private static TestRedis redis;
    private static RedisServer replica;

    @BeforeAll
    static void redisWithAReplica() throws IOException {
        redis = TestRedis.start();
        int replicaPort = LoopbackPorts.pickOne();
        replica = RedisServer.newRedisServer().port(replicaPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("replicaof 127.0.0.1 " + redis.port()).build();
        replica.start();
        try (Jedis jedis = redis.client()) {
            await("the replica to attach").atMost(Duration.ofSeconds(30))
                    .until(() -> jedis.info("replication").contains("connected_slaves:1"));
        }
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (replica != null) {
            replica.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Every setting off its default; the prefix differs per way, so the ways' keys never meet. */
    private static Map<String, String> settings(SettingWay way) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cticache.redis.uri", redis.uri());
        settings.put("cticache.redis.prefix", "way" + way.ordinal() + ":");
        settings.put("cticache.redis.mode", "standalone");
        settings.put("cticache.redis.ssl", "false");
        settings.put("cticache.redis.timeout", "1500");
        settings.put("cticache.redis.pool.max-total", "6");
        settings.put("cticache.redis.pool.max-idle", "5");
        settings.put("cticache.redis.pool.min-idle", "1");
        settings.put("cticache.redis.wait.replicas", "1");
        settings.put("cticache.redis.wait.timeout", Integer.toString(WAIT_TIMEOUT));
        settings.put("cticache.dnis.pool", "5557770000-5557770003");
        settings.put("cticache.dnis.pool.ways", "5557771000-5557771001");
        settings.put("cticache.match", "dnis");
        settings.put("cticache.match.default", "dnis-ani");
        settings.put("cticache.ttl.default", "33");
        settings.put("cticache.ttl.max", "100");
        settings.put("cticache.body.max", "1024");
        settings.put("cticache.numbers.region", "US");
        settings.put("cticache.ani.anonymous", "withheld");
        settings.put("cticache.dnis.cooldown", "600");
        settings.put("cticache.pool.warn", "50");
        settings.put("cticache.tls.required", "true");
        settings.put("cticache.crypto.key", Base64.getEncoder().encodeToString(new byte[32]));
        return settings;
    }

    @ParameterizedTest
    @EnumSource(SettingWay.class)
    void everySettingTakesEffectGivenThisWayAlone(SettingWay way) {
        Map<String, String> settings = settings(way);
        try (CommandWatch watch = new CommandWatch(redis);
             SettingsDeployment deployment = SettingsDeployment.start(way, settings)) {
            Api api = deployment.api();

            // cticache.tls.required: plain HTTP is refused, the proxy's https is served.
            assertProblem(deployment.plainApi().send(deployment.plainApi().request("DNIS-ANI/x:y").GET(),
                    Deployment.ADMIN), 403, "HTTPS");

            // cticache.dnis.pool, cticache.ttl.default, cticache.numbers.region (numbers in E.164).
            JsonNode first = api.created(CALLER, "\"" + MARKER + "\"");
            assertTrue(first.path("dnis").asText().matches("\\+1555777000[0-3]"), first.toString());
            assertEquals(CALLER_E164, first.path("ani").asText());
            assertEquals(33, first.path("ttl").asInt());

            // cticache.ani.anonymous
            assertEquals(201, api.create("withheld", "1").statusCode());
            // cticache.ttl.max
            assertProblem(api.create("{\"value\":1,\"ani\":\"5550101002\",\"ttl\":101}"), 400, "");
            // cticache.body.max
            HttpResponse<String> large = api.send(api.request("DNIS-ANI").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"" + "x".repeat(1100)
                            + "\",\"ani\":\"5550101003\"}")), Deployment.ADMIN);
            assertEquals(413, large.statusCode(), large.body());
            // cticache.dnis.pool.<name>
            HttpResponse<String> named = api.create("{\"value\":1,\"ani\":\"5550101004\",\"pool\":\"ways\"}");
            assertEquals(201, named.statusCode(), named.body());
            assertTrue(Api.json(named).path("dnis").asText().matches("\\+1555777100[01]"), named.body());

            // cticache.match (every pool by DNIS alone) and cticache.match.<pool> (the default pool by DNIS and ANI).
            HttpResponse<String> pools = api.send(api.request("pools").GET(), Deployment.MONITOR);
            assertEquals(200, pools.statusCode(), pools.body());
            Map<String, String> matches = StreamSupport.stream(Api.json(pools).path("pools").spliterator(), false)
                    .collect(Collectors.toMap(pool -> pool.path("name").asText(),
                            pool -> pool.path("match").asText() + "/" + pool.path("size").asInt()));
            assertEquals(Map.of("default", "dnis-ani/4", "ways", "dnis/2"), matches);

            // cticache.pool.warn: the caller holds 2 of the default pool's 4 DNIS, 50%, below the default 80%.
            String second = api.created(CALLER, "2").path("dnis").asText();
            await("the pool warning at 50%").atMost(Duration.ofSeconds(10)).until(() -> deployment.log()
                    .contains("pool 'default' is 50% used (one caller holds 2 of its 4 DNIS); warning at 50%"));

            // cticache.dnis.cooldown: the caller holds all 4; the one it gives back stays blocked for it.
            api.created(CALLER, "3");
            api.created(CALLER, "4");
            assertEquals(200, api.delete(second + ":" + CALLER_E164).statusCode());
            assertProblem(api.create(CALLER, "5"), 503, "");

            // cticache.redis.uri and cticache.redis.prefix: the entries are in this Redis, under the prefix;
            // cticache.crypto.key: their values are not in clear, while the API reads them back.
            String firstKey = first.path("dnis").asText() + ":" + CALLER_E164;
            assertEquals("{\"value\":\"" + MARKER + "\"}", api.get(firstKey).body());
            try (Jedis jedis = redis.client()) {
                Set<String> keys = jedis.keys("*");
                String prefix = settings.get("cticache.redis.prefix");
                assertTrue(keys.stream().anyMatch(key -> key.startsWith(prefix + "{")), "no key under " + prefix);
                for (String key : keys) {
                    if (jedis.type(key).equals("string")) {
                        assertFalse(jedis.get(key).contains(MARKER), key + " holds the value in clear");
                    } else if (jedis.type(key).equals("hash")) {
                        assertFalse(jedis.hgetAll(key).toString().contains(MARKER), key + " holds it in clear");
                    }
                }
            }

            // cticache.redis.wait.replicas and cticache.redis.wait.timeout: each create waits for 1 replica for that
            // long (the replica answers at once, so every create above succeeded).
            assertEquals(Set.of("\"WAIT\" \"1\" \"" + WAIT_TIMEOUT + "\""), watch.waits());

            // The rest (redis.mode, redis.ssl, redis.timeout, redis.pool.*) have no cheap behaviour of their own
            // here; that they arrived this way, and every other setting with them, the start-up line says.
            assertTrue(deployment.log().contains(startUpWays(way, settings.keySet())), deployment.log());
        }
    }

    /** Redis's MONITOR while it is open: the WAIT commands anyone sent, with their arguments. */
    private static final class CommandWatch implements AutoCloseable {

        private final Set<String> waits = ConcurrentHashMap.newKeySet();
        private final Jedis monitor;
        private final Thread thread;

        CommandWatch(TestRedis redis) {
            monitor = redis.client();
            CountDownLatch started = new CountDownLatch(1);
            thread = new Thread(() -> {
                try {
                    monitor.monitor(new JedisMonitor() {
                        @Override
                        public void proceed(Connection connection) {
                            started.countDown();
                            super.proceed(connection);
                        }

                        @Override
                        public void onCommand(String command) {
                            int wait = command.indexOf("\"WAIT\"");
                            if (wait >= 0) {
                                waits.add(command.substring(wait));
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    // closed by close(): the monitor ends
                }
            }, "redis-monitor");
            thread.setDaemon(true);
            thread.start();
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("MONITOR did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Set<String> waits() {
            return Set.copyOf(waits);
        }

        @Override
        public void close() {
            monitor.disconnect();
        }
    }

    /** The end of cticache's start-up line: the settings given, by name, under this way alone. */
    private static String startUpWays(SettingWay way, Set<String> names) {
        Map<String, String> ways = new LinkedHashMap<>(Map.of("system properties", "(none)", "environment", "(none)",
                "context parameters", "(none)"));
        Set<String> given = new TreeSet<>();
        names.forEach(name -> given.add(way.isEnvironment() ? SettingsDeployment.environmentName(name) : name));
        ways.put(way.startUpWord(), String.join(", ", given));
        return "settings given as system properties " + ways.get("system properties") + "; environment "
                + ways.get("environment") + "; context parameters " + ways.get("context parameters")
                + ", every other at its default";
    }
}
