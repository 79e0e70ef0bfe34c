package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

/** What an administrator sees when deploying: bad settings stop the deployment, undeploy leaves nothing. */
class DeploymentIT {

    private static TestRedis redis;

    @BeforeAll
    static void start() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void withoutADefaultPoolTheDeploymentFailsNamingTheSetting() {
        try (Deployment deployment = Deployment.of(redis).unset("cticache.dnis.pool").start()) {
            assertFalse(deployment.isAvailable());
            assertTrue(failureText(deployment).contains("cticache.dnis.pool is not set"), failureText(deployment));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cticache.ttl.default          | abc",
        "cticache.ttl.max              | 0",
        "cticache.redis.uri            | http://localhost:6379",
        "cticache.redis.timeout        | -5",
        "cticache.redis.prefix         | cti{cache}:",
        "cticache.body.max             | 1",
        "cticache.dnis.pool            | 5551234599-5551234500",
        "cticache.dnis.pool.Sales      | 5551234500",
        "cticache.redis.pool.max-total | many",
    })
    void anInvalidSettingFailsTheDeploymentNamingIt(String setting, String value) {
        try (Deployment deployment = Deployment.of(redis).set(setting, value).start()) {
            assertFalse(deployment.isAvailable());
            assertTrue(failureText(deployment).contains(setting), failureText(deployment));
        }
    }

    @Test
    void aSettingGivenTwoWaysWithDifferentValuesFailsTheDeploymentNamingBoth() {
        // Either value would be silently ignored; the deployment says so instead.
        System.setProperty("cticache.ttl.default", "77");
        try (Deployment deployment = Deployment.of(redis).set("cticache.ttl.default", "30").start()) {
            assertFalse(deployment.isAvailable());
            assertTrue(failureText(deployment).contains("Setting cticache.ttl.default is given 2 ways with different"
                    + " values: system property cticache.ttl.default and context parameter cticache.ttl.default"),
                    failureText(deployment));
        } finally {
            System.clearProperty("cticache.ttl.default");
        }
    }

    @Test
    void aContextParameterIsUsed() {
        try (Deployment deployment = Deployment.of(redis).set("cticache.ttl.default", "30").start()) {
            assertEquals(30, deployment.api().created(Numbers.uniqueAni(), "1").path("ttl").asInt());
        }
    }

    @Test
    void undeployClosesEveryRedisConnection() {
        try (Deployment deployment = Deployment.of(redis).start()) {
            Api api = deployment.api();
            Concurrently.run(20, i -> api.create(Numbers.uniqueAni(), "1"));
            assertTrue(cticacheConnections() > 0, "the service holds pooled connections");

            deployment.undeploy();

            await("Redis to see the connections closed").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertEquals(0, cticacheConnections(), "connections left open after undeploy"));
        }
    }

    private static long cticacheConnections() {
        try (Jedis jedis = redis.client()) {
            return List.of(jedis.clientList().split("\n")).stream().filter(line -> line.contains("name=cticache "))
                    .count();
        }
    }

    private static String failureText(Deployment deployment) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = deployment.startupFailure(); t != null; t = t.getCause()) {
            text.append(t).append(" / ");
        }
        return text.toString();
    }
}
