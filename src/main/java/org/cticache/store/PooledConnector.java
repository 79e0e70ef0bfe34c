package org.cticache.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.util.Pool;

/**
 * One pool of connections to one master: JedisPool for a standalone server, or JedisSentinelPool, which follows
 * the Sentinels' announcements and repoints itself at the new master after a failover.
 */
final class PooledConnector implements RedisConnector {

    private final Pool<Jedis> pool;
    private final CheckedJedisFactory factory;
    private final ConnectionMasters masters;
    private final IdleConnections<Jedis> idle = new IdleConnections<>();
    // How many the background check had dropped when the scripts were last loaded after it.
    private final AtomicLong droppedInBackground = new AtomicLong();

    PooledConnector(JedisPool pool, CheckedJedisFactory factory) {
        this(pool, factory, null);
    }

    /** @param masters null where the master never changes */
    PooledConnector(Pool<Jedis> pool, CheckedJedisFactory factory, ConnectionMasters masters) {
        this.pool = pool;
        this.factory = factory;
        this.masters = masters;
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
     * likewise after the pool's background check dropped broken connections, and after connections to a master
     * the Sentinels replaced were dropped.
     */
    private Jedis borrow() {
        long dropped = factory.dropped();
        Jedis jedis = RedisConnector.borrowed(pool::getResource);
        boolean replaced = false;
        while (masters != null && masters.isFormer(jedis)) {
            jedis.getConnection().setBroken();
            jedis.close();
            jedis = RedisConnector.borrowed(pool::getResource);
            replaced = true;
        }
        if (replaced) {
            RedisConnector.loadScripts(jedis);
        } else if (idle.isStale(jedis, jedis)) {
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
