package org.cticache.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cticache.testing.redis.ClusterSetup;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;

/** A Redis Cluster of three masters with one replica each, with cticache in cluster mode pointed at it. */
public final class ClusterRedis implements RedisUnderTest {

    private final ClusterSetup setup;
    private UnifiedJedis data;

    private ClusterRedis(ClusterSetup setup) {
        this.setup = setup;
    }

    public static ClusterRedis start() {
        return new ClusterRedis(ClusterSetup.start());
    }

    public ClusterSetup setup() {
        return setup;
    }

    @Override
    public Map<String, String> cticacheSettings() {
        return Map.of("cticache.redis.mode", "cluster", "cticache.redis.nodes", setup.seedNodes());
    }

    @Override
    public synchronized UnifiedJedis data() {
        if (data == null) {
            Set<HostAndPort> seeds = Arrays.stream(setup.seedNodes().split(","))
                    .map(HostAndPort::from).collect(Collectors.toSet());
            data = new JedisCluster(seeds);
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
        return "cluster via " + setup.seedNodes();
    }
}
