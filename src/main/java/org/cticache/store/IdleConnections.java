package org.cticache.store;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * When each pooled connection was last given back, so that one that sat idle is checked with a PING before a call
 * uses it: a Redis restart or failover leaves idle connections broken, and a broken connection found by a call
 * that must not run twice (an allocation, a take) leaves unknown whether it ran.
 *
 * @param <C> the pooled object: a Jedis, or a cluster node's connection
 */
final class IdleConnections<C> {

    // Longer than a busy connection sits in the pool between calls, so that under load nothing is checked.
    private static final long CHECK_AFTER_NANOS = 1_000_000_000L;

    private final Map<C, Long> returnedAt = Collections.synchronizedMap(new WeakHashMap<>());

    void returned(C connection) {
        returnedAt.put(connection, System.nanoTime());
    }

    /**
     * Whether the connection sat idle and is broken; {@code jedis} speaks over it.
     *
     * @throws NotConnectedException when the check timed out, after closing {@code jedis}: Redis is silent, not
     *                               restarted, and a new connection would only make the call wait as long again
     */
    boolean isStale(C connection, Jedis jedis) {
        Long at = returnedAt.get(connection);
        if (at == null || System.nanoTime() - at < CHECK_AFTER_NANOS) {
            return false;
        }
        try {
            jedis.ping();
            return false;
        } catch (JedisConnectionException e) {
            if (RedisCalls.isTimeout(e)) {
                jedis.close();
                throw new NotConnectedException(e);
            }
            return true;
        }
    }
}
