package org.cticache.store;

import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Hands out a connection to the Redis node that owns a key, whatever the topology, so a command and a WAIT for
 * its replication run on one connection, as WAIT requires.
 */
interface RedisConnector extends AutoCloseable {

    /**
     * Runs the commands on one pooled connection to the master that serves the key's slot.
     *
     * @throws NotConnectedException when no connection could be had, before anything was sent
     */
    <T> T onMasterOf(String key, Function<Jedis, T> commands);

    /** Takes a connection from a pool, telling a failure to get one apart from a failure of the commands. */
    static <C> C borrowed(Supplier<C> pool) {
        try {
            return pool.get();
        } catch (JedisException e) {
            throw new NotConnectedException(e);
        }
    }

    /** Borrowed, idle, and callers waiting for a connection. */
    ConnectionCounts connections();

    /** Forgets what may be stale after a connection broke: idle connections, and in a cluster the slot map. */
    void recover();

    @Override
    void close();
}
