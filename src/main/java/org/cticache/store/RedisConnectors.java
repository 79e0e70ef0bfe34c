package org.cticache.store;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/** Builds the connector for the configured topology: JedisPool, JedisSentinelPool or JedisCluster. */
final class RedisConnectors {

    private RedisConnectors() {
    }

    static RedisConnector open(RedisOptions options) {
        JedisClientConfig client = clientConfig(options, options.user(), options.password()).database(
                options.topology().mode() == RedisTopology.Mode.CLUSTER ? 0 : options.database()).build();
        RedisTopology topology = options.topology();
        return switch (topology.mode()) {
            case STANDALONE -> new PooledConnector(new JedisPool(poolConfig(options),
                    new HostAndPort(options.host(), options.port()), client));
            case SENTINEL -> new PooledConnector(new JedisSentinelPool(topology.sentinelMaster(),
                    addresses(topology), poolConfig(options), client,
                    clientConfig(options, topology.sentinelUser(), topology.sentinelPassword()).build()));
            case CLUSTER -> {
                ClusterConnectionProvider provider =
                        new ClusterConnectionProvider(addresses(topology), client, poolConfig(options));
                // JedisCluster's own retries are bounded like every other call, for its PING.
                yield new ClusterConnector(new JedisCluster(provider, 2, Duration.ofMillis(options.timeoutMillis())),
                        provider);
            }
        };
    }

    private static <T> GenericObjectPoolConfig<T> poolConfig(RedisOptions options) {
        GenericObjectPoolConfig<T> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(options.poolMaxTotal());
        pool.setMaxIdle(options.poolMaxIdle());
        pool.setMinIdle(options.poolMinIdle());
        pool.setMaxWait(Duration.ofMillis(options.poolMaxWaitMillis()));
        pool.setBlockWhenExhausted(true);
        // No evictor thread and no JMX registration: an undeploy must leave nothing behind in the container.
        // Stale connections are caught on use instead (RedisCallDataStore.call).
        pool.setTestWhileIdle(false);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        pool.setJmxEnabled(false);
        return pool;
    }

    private static DefaultJedisClientConfig.Builder clientConfig(RedisOptions options, String user, String password) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(options.connectTimeoutMillis())
                .socketTimeoutMillis(options.timeoutMillis())
                .user(user)
                .password(password)
                .clientName("cticache")
                .ssl(options.ssl());
        if (options.ssl()) {
            SSLParameters verifyHost = new SSLParameters();
            verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
            client.sslParameters(verifyHost);
        }
        return client;
    }

    private static Set<HostAndPort> addresses(RedisTopology topology) {
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        topology.nodes().forEach(node -> addresses.add(new HostAndPort(node.host(), node.port())));
        return addresses;
    }
}
