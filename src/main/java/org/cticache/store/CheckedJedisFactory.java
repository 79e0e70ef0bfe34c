package org.cticache.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.commons.pool2.PooledObject;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Jedis's connection factory with the pool's background check of idle connections made readable: Jedis logs a
 * WARNING with a stack trace for every idle connection whose PING fails, which after a Redis restart is one per
 * idle connection. This logs one line when idle connections stop answering, and counts the ones it dropped so
 * that the next call loads the scripts the restarted or promoted Redis lacks ({@link PooledConnector}).
 */
final class CheckedJedisFactory extends JedisFactory {

    private static final Logger LOG = Logger.getLogger(CheckedJedisFactory.class.getName());

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * @param address where Redis is; for a JedisSentinelPool any address, which the pool replaces with the
     *                master's before it opens a connection
     */
    CheckedJedisFactory(HostAndPort address, JedisClientConfig config) {
        super(address, config);
    }

    @Override
    public boolean validateObject(PooledObject<Jedis> pooled) {
        Jedis jedis = pooled.getObject();
        try {
            if (jedis.getConnection().isConnected() && "PONG".equals(jedis.ping())) {
                failing.set(false);
                return true;
            }
        } catch (JedisException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warning("cticache: idle connections to Redis no longer answer (a restart, a failover, or Redis"
                        + " is unreachable); they are dropped and opened again. First failure: " + e.getMessage());
            }
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Idle connections the background check found broken so far. */
    long dropped() {
        return dropped.get();
    }
}
