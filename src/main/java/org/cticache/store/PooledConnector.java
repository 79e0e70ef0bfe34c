package org.cticache.store;

import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * One pool of connections to one master: JedisPool for a standalone server, or JedisSentinelPool, which follows
 * the Sentinels' announcements and repoints itself at the new master after a failover.
 */
final class PooledConnector implements RedisConnector {

    private final Pool<Jedis> pool;
    private final IdleConnections<Jedis> idle = new IdleConnections<>();

    PooledConnector(Pool<Jedis> pool) {
        this.pool = pool;
    }

    @Override
    public <T> T onMasterOf(String key, Function<Jedis, T> commands) {
        Jedis jedis = borrow();
        try {
            return commands.apply(jedis);
        } finally {
            idle.returned(jedis);
            jedis.close();
        }
    }

    /** A connection, checked first if it sat idle: one whose Redis restarted is dropped with the other idle ones. */
    private Jedis borrow() {
        Jedis jedis = RedisConnector.borrowed(pool::getResource);
        if (!idle.isStale(jedis, jedis)) {
            return jedis;
        }
        jedis.close();
        pool.clear();
        return RedisConnector.borrowed(pool::getResource);
    }

    @Override
    public ConnectionCounts connections() {
        return new ConnectionCounts(pool.getNumActive(), pool.getNumIdle(), pool.getNumWaiters());
    }

    @Override
    public void recover() {
        pool.clear();
    }

    @Override
    public void close() {
        pool.close();
    }
}
