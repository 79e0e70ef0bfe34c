package org.cticache.store;

import java.util.function.Function;
import redis.clients.jedis.Jedis;

/**
 * Hands out a connection to the Redis node that owns a key, whatever the topology, so a command and a WAIT for
 * its replication run on one connection, as WAIT requires.
 */
interface RedisConnector extends AutoCloseable {

    /** Runs the commands on one pooled connection to the master that serves the key's slot. */
    <T> T onMasterOf(String key, Function<Jedis, T> commands);

    /** Borrowed, idle, and callers waiting for a connection. */
    ConnectionCounts connections();

    /** Forgets what may be stale after a connection broke: idle connections, and in a cluster the slot map. */
    void recover();

    @Override
    void close();
}
