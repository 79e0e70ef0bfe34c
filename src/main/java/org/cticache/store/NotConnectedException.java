package org.cticache.store;

import redis.clients.jedis.exceptions.JedisException;

/**
 * No connection could be had for a call (none free in time, connecting failed or timed out, an idle one no longer
 * answered its check): nothing of the call was sent, so nothing can have changed.
 */
final class NotConnectedException extends RuntimeException {

    NotConnectedException(JedisException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized JedisException getCause() {
        return (JedisException) super.getCause();
    }
}
