package org.cticache.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cticache.testing.redis.SentinelSetup;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;

/** A master, a replica and three Sentinels, with cticache in sentinel mode pointed at them. */
public final class SentinelRedis implements RedisUnderTest {

    private final SentinelSetup setup;
    private UnifiedJedis data;

    private SentinelRedis(SentinelSetup setup) {
        this.setup = setup;
    }

    public static SentinelRedis start() {
        return new SentinelRedis(SentinelSetup.start());
    }

    public SentinelSetup setup() {
        return setup;
    }

    @Override
    public Map<String, String> cticacheSettings() {
        return Map.of("cticache.redis.mode", "sentinel", "cticache.redis.nodes", setup.sentinelNodes(),
                "cticache.redis.sentinel.master", setup.masterName());
    }

    @Override
    public synchronized UnifiedJedis data() {
        if (data == null) {
            Set<HostAndPort> sentinels = Arrays.stream(setup.sentinelNodes().split(","))
                    .map(HostAndPort::from).collect(Collectors.toSet());
            data = new JedisSentineled(setup.masterName(), DefaultJedisClientConfig.builder().build(), sentinels,
                    DefaultJedisClientConfig.builder().build());
        }
        return data;
    }

    @Override
    public synchronized void close() {
        if (data != null) {
            data.close();
        }
        setup.close();
    }

    @Override
    public String toString() {
        return "sentinel setup via " + setup.sentinelNodes();
    }
}
