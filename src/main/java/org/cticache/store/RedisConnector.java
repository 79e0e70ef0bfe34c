package org.cticache.store;

import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPool;
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

    /**
     * Opens the pools' min-idle connections and loads the scripts into every Redis server it knows, so that the
     * first calls after start-up pay neither a connection's set-up nor a NOSCRIPT.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis did not answer
     */
    void warm();

    /** Loads the scripts before a call runs; should that fail, the call was not sent and the connection is closed. */
    static void loadScripts(Jedis jedis) {
        try {
            Scripts.load(jedis);
        } catch (JedisException e) {
            jedis.close();
            throw new NotConnectedException(e);
        }
    }

    /** Opens the pool's min-idle connections, ahead of the calls that would otherwise each open one. */
    static void prepare(GenericObjectPool<?> pool) {
        try {
            pool.preparePool();
        } catch (JedisException e) {
            throw e;
        } catch (Exception e) {
            throw new JedisException(e);
        }
    }

    /** Borrowed, idle, and callers waiting for a connection. */
    ConnectionCounts connections();

    /** Forgets what may be stale after a connection broke: idle connections, and in a cluster the slot map. */
    void recover();

    @Override
    void close();
}
