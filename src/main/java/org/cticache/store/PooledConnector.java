package org.cticache.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.util.Pool;

/**
 * One pool of connections to one master: JedisPool for a standalone server, or JedisSentinelPool, which follows
 * the Sentinels' announcements and repoints itself at the new master after a failover.
 */
final class PooledConnector implements RedisConnector {

    private final Pool<Jedis> pool;
    private final IdleConnections<Jedis> idle = new IdleConnections<>();
    // The evictor drops only connections that failed its PING (none for being idle): a Redis restarted or failed over.
    private final AtomicLong droppedInBackground = new AtomicLong();

    private final ConnectionMasters masters;

    PooledConnector(JedisPool pool) {
        this.pool = pool;
        this.masters = null;
    }

    PooledConnector(JedisSentinelPool pool) {
        this.pool = pool;
        this.masters = new ConnectionMasters(pool::getCurrentHostMaster);
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

    /**
     * A connection, checked first if it sat idle. One whose Redis restarted or failed over is dropped with the other
     * idle ones, and the scripts, which that Redis has forgotten, are loaded over its replacement before the call;
     * likewise after the pool's background check dropped broken connections.
     */
    private Jedis borrow() {
        long dropped = pool.getDestroyedByEvictorCount();
        Jedis jedis = RedisConnector.borrowed(pool::getResource);
        while (masters != null && masters.isFormer(jedis)) {
            jedis.getConnection().setBroken();
            jedis.close();
            jedis = RedisConnector.borrowed(pool::getResource);
        }
        if (idle.isStale(jedis, jedis)) {
            jedis.close();
            pool.clear();
            jedis = RedisConnector.borrowed(pool::getResource);
            RedisConnector.loadScripts(jedis);
        } else if (droppedInBackground.get() != dropped) {
            // Every call that finds the count changed loads them, not only the first: the others would not wait.
            RedisConnector.loadScripts(jedis);
            droppedInBackground.set(dropped);
        }
        return jedis;
    }

    @Override
    public void warm() {
        RedisConnector.prepare(pool);
        try (Jedis jedis = pool.getResource()) {
            Scripts.load(jedis);
        }
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
