package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cticache.store.RedisAddress;
import org.cticache.store.RedisOptions;
import org.cticache.store.RedisTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisConfigTest {

    private static RedisOptions redis(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CtiCacheConfig.DNIS_POOL, "5551234500");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CtiCacheConfig.load(new Settings(Map.of(), Map.of(), parameters)).redis();
    }

    private static ConfigException failure(String... namesAndValues) {
        return assertThrows(ConfigException.class, () -> redis(namesAndValues));
    }

    @Test
    void standaloneIsTheDefault() {
        assertEquals(RedisTopology.STANDALONE, redis().topology());
    }

    @Test
    void sentinelModeReadsTheSentinelsAndTheMasterName() {
        RedisOptions redis = redis("cticache.redis.mode", "Sentinel",
                "cticache.redis.nodes", "s1.example:26379, [::1]:26380,s3.example:26381",
                "cticache.redis.sentinel.master", "cticache",
                "cticache.redis.sentinel.password", "sentinel-secret");

        RedisTopology topology = redis.topology();
        assertEquals(RedisTopology.Mode.SENTINEL, topology.mode());
        assertEquals(List.of(new RedisAddress("s1.example", 26379), new RedisAddress("::1", 26380),
                new RedisAddress("s3.example", 26381)), topology.nodes());
        assertEquals("cticache", topology.sentinelMaster());
        assertEquals("sentinel-secret", topology.sentinelPassword());
        assertFalse(redis.toString().contains("sentinel-secret"), redis.toString());
    }

    @Test
    void clusterModeReadsTheSeedNodes() {
        RedisTopology topology = redis("cticache.redis.mode", "cluster",
                "cticache.redis.nodes", "10.0.0.1:7000,10.0.0.2:7000").topology();

        assertEquals(RedisTopology.Mode.CLUSTER, topology.mode());
        assertEquals(List.of(new RedisAddress("10.0.0.1", 7000), new RedisAddress("10.0.0.2", 7000)),
                topology.nodes());
    }

    @Test
    void sentinelModeWithoutAMasterNameFailsNamingTheSetting() {
        ConfigException e = failure("cticache.redis.mode", "sentinel", "cticache.redis.nodes", "s1:26379");
        assertTrue(e.getMessage().contains("cticache.redis.sentinel.master"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentinel", "cluster"})
    void aDistributedModeWithoutNodesFailsNamingTheSetting(String mode) {
        ConfigException e = failure("cticache.redis.mode", mode, "cticache.redis.sentinel.master", "m");
        assertTrue(e.getMessage().contains("cticache.redis.nodes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s1", "s1:", ":26379", "s1:port", "s1:0", "s1:65536", "s1:26379,,s2:26379"})
    void aNodeThatIsNotHostAndPortFails(String nodes) {
        ConfigException e = failure("cticache.redis.mode", "cluster", "cticache.redis.nodes", nodes);
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.nodes"), e.getMessage());
    }

    @Test
    void anUnknownModeFails() {
        ConfigException e = failure("cticache.redis.mode", "replicated");
        assertTrue(e.getMessage().contains("standalone, sentinel or cluster"), e.getMessage());
    }

    @Test
    void userAndPasswordSettingsWinOverTheUri() {
        RedisOptions redis = redis("cticache.redis.uri", "redis://old:oldpw@redis.example",
                "cticache.redis.user", "cti", "cticache.redis.password", "newpw");

        assertEquals("cti", redis.user());
        assertEquals("newpw", redis.password());
        assertFalse(redis.toString().contains("newpw"), redis.toString());
    }

    @Test
    void theSslSettingTurnsOnTlsForEveryMode() {
        assertTrue(redis("cticache.redis.ssl", "true").ssl());
        assertTrue(redis("cticache.redis.uri", "rediss://redis.example").ssl());
        assertFalse(redis().ssl());
    }

    @Test
    void theConnectAndPoolWaitBoundsFollowTheTimeoutUnlessSetThemselves() {
        RedisOptions following = redis("cticache.redis.timeout", "700");
        assertEquals(700, following.connectTimeoutMillis());
        assertEquals(700, following.poolMaxWaitMillis());

        RedisOptions own = redis("cticache.redis.timeout", "700", "cticache.redis.connect-timeout", "300",
                "cticache.redis.pool.max-wait", "5000");
        assertEquals(700, own.timeoutMillis());
        assertEquals(300, own.connectTimeoutMillis());
        assertEquals(5000, own.poolMaxWaitMillis());
    }

    @Test
    void waitForReplicasIsReadWithItsTimeout() {
        RedisOptions redis = redis("cticache.redis.wait.replicas", "1", "cticache.redis.wait.timeout", "250");

        assertEquals(1, redis.waitReplicas());
        assertEquals(250, redis.waitTimeoutMillis());
    }

    @Test
    void aWaitTimeoutNotBelowTheRedisTimeoutFails() {
        ConfigException e = failure("cticache.redis.wait.replicas", "1", "cticache.redis.wait.timeout", "2000");
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.wait.timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("below cticache.redis.timeout (2000 ms)"), e.getMessage());
    }
}
