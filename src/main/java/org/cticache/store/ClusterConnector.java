package org.cticache.store;

import java.util.function.Function;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A Redis Cluster through JedisCluster's connection provider: each call borrows a connection from the pool of
 * the master that owns the key's slot (every key of one ANI shares a slot through its hash tag), which keeps an
 * allocation and its WAIT on one connection. After a failover, {@link #recover()} reloads the slot map.
 */
final class ClusterConnector implements RedisConnector {

    private final JedisCluster cluster;
    private final ClusterConnectionProvider provider;
    private final IdleConnections<Connection> idle = new IdleConnections<>();

    ClusterConnector(JedisCluster cluster, ClusterConnectionProvider provider) {
        this.cluster = cluster;
        this.provider = provider;
    }

    @Override
    public <T> T onMasterOf(String key, Function<Jedis, T> commands) {
        int slot = JedisClusterCRC16.getSlot(key);
        Connection connection = RedisConnector.borrowed(() -> provider.getConnectionFromSlot(slot));
        // Closing the Jedis returns its connection to the node's pool.
        Jedis jedis = new Jedis(connection);
        if (idle.isStale(connection, jedis)) {
            jedis.close();
            connection = RedisConnector.borrowed(() -> provider.getConnectionFromSlot(slot));
            jedis = new Jedis(connection);
            // The node restarted, or a replica took over: either way it lacks the scripts.
            RedisConnector.loadScripts(jedis);
        }
        try {
            return commands.apply(jedis);
        } finally {
            idle.returned(connection);
            jedis.close();
        }
    }

    /** Every node's pool, replicas' included, so that a replica that takes over already has the scripts. */
    @Override
    public void warm() {
        JedisException failed = null;
        for (ConnectionPool pool : cluster.getClusterNodes().values()) {
            try {
                RedisConnector.prepare(pool);
                try (Jedis jedis = new Jedis(pool.getResource())) {
                    Scripts.load(jedis);
                }
            } catch (JedisException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public ConnectionCounts connections() {
        return cluster.getClusterNodes().values().stream()
                .map(pool -> new ConnectionCounts(pool.getNumActive(), pool.getNumIdle(), pool.getNumWaiters()))
                .reduce(new ConnectionCounts(0, 0, 0), ConnectionCounts::plus);
    }

    @Override
    public void recover() {
        provider.renewSlotCache();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
