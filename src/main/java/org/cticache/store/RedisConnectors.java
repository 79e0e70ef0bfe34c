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
            case STANDALONE -> {
                CheckedJedisFactory factory =
                        new CheckedJedisFactory(new HostAndPort(options.host(), options.port()), client);
                yield new PooledConnector(new JedisPool(poolConfig(options), factory), factory);
            }
            case SENTINEL -> {
                CheckedJedisFactory factory = new CheckedJedisFactory(new HostAndPort("0.0.0.0", 0), client);
                JedisSentinelPool pool = new JedisSentinelPool(topology.sentinelMaster(), addresses(topology),
                        poolConfig(options), factory,
                        clientConfig(options, topology.sentinelUser(), topology.sentinelPassword()).build());
                yield new PooledConnector(pool, factory, new ConnectionMasters(pool::getCurrentHostMaster));
            }
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
        // The evictor PINGs every idle connection in the background: it drops those a restart or failover broke,
        // opens new ones up to min-idle, and keeps quiet ones alive through firewalls that forget idle flows. It
        // closes none for being idle (max-idle does that). Its thread stops when the last pool closes, on undeploy.
        // A connection that sat idle is still checked before use (IdleConnections): a call must not find it broken.
        boolean checked = options.poolIdleCheckMillis() > 0;
        pool.setTestWhileIdle(checked);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(checked ? options.poolIdleCheckMillis() : -1));
        pool.setNumTestsPerEvictionRun(-1);
        pool.setMinEvictableIdleDuration(Duration.ofMillis(-1));
        // No JMX registration: an undeploy must leave nothing behind in the container.
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
