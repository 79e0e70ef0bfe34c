package org.cticache.store;

import java.net.SocketTimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cticache.core.StoreUnavailableException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * Runs commands on a pooled connection to the master of a key, timed. A connection that broke without a timeout
 * is retried once on a fresh connection, after the connector forgot what is stale (idle connections, a cluster's
 * slot map; a MOVED answer too), but only for a call that may run twice (a peek, a count): a connection can break
 * after Redis ran the command and before its answer arrived, and an allocation or take run again would allocate
 * a second DNIS or find its entry gone. Those answer 503 instead; the connectors check an idle connection before
 * use, so the first call after a Redis restart still succeeds. A timeout is never retried: the command may have
 * run, and the caller must get its answer within the configured time. Redis failing to serve becomes
 * {@link StoreUnavailableException}.
 */
final class RedisCalls implements AutoCloseable {

    // Redis answers these while it cannot serve (starting, failing over, a replica, a busy script, out of
    // memory, unable to persist and so refusing writes, refusing our credentials): for the client that is Redis
    // being unavailable, and the logged cause tells the administrator which.
    // The code starts the reply, or, from a command inside a script, follows the script's own error prefix.
    private static final Pattern UNAVAILABLE_ERRORS = Pattern.compile("(?:^|[\\s:-])(?:LOADING|READONLY|MASTERDOWN"
            + "|BUSY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS|OOM|MISCONF|NOAUTH|WRONGPASS|NOPERM)\\b");

    // A wrong password or user (WRONGPASS), none sent where one is needed (NOAUTH), or one sent to a Redis that has
    // none (ERR AUTH ... called without any password configured; "ERR Client sent AUTH" before Redis 6).
    private static final Pattern REFUSED_CREDENTIALS = Pattern.compile(
            "^(?:(NOAUTH|WRONGPASS)\\b|ERR (?:AUTH\\b|Client sent AUTH|invalid password))");

    private final RedisConnector redis;
    private final CallTiming timing;

    RedisCalls(RedisConnector redis, CallTiming timing) {
        this.redis = redis;
        this.timing = timing;
    }

    <T> T call(CallTiming.Call name, String key, Function<Jedis, T> command) {
        long start = System.nanoTime();
        try {
            return attempt(name, key, command);
        } finally {
            timing.record(name, System.nanoTime() - start);
        }
    }

    ConnectionCounts connections() {
        return redis.connections();
    }

    @Override
    public void close() {
        redis.close();
    }

    private <T> T attempt(CallTiming.Call name, String key, Function<Jedis, T> command) {
        try {
            return redis.onMasterOf(key, command);
        } catch (JedisConnectionException | JedisRedirectionException e) {
            if (isTimeout(e) || credentialsRefusal(e) != null) {
                throw unavailable(e);
            }
            redis.recover();
            if (!name.idempotent() && e instanceof JedisConnectionException) {
                throw new StoreUnavailableException("the connection to Redis broke during the call, which may have"
                        + " run; it was not run again", e);
            }
            try {
                return redis.onMasterOf(key, command);
            } catch (JedisException retryFailure) {
                throw unavailable(retryFailure);
            }
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException unavailable(JedisException e) {
        String refusal = credentialsRefusal(e);
        if (refusal != null) {
            return new StoreUnavailableException("Redis refused cticache's credentials (" + refusal + "): check"
                    + " cticache.redis.user and cticache.redis.password, or those in cticache.redis.uri; nothing was"
                    + " changed", e);
        }
        if (e instanceof JedisDataException && !UNAVAILABLE_ERRORS.matcher(e.getMessage()).find()) {
            return e;
        }
        return new StoreUnavailableException("Redis is unreachable or did not answer in time; nothing was changed",
                e);
    }

    /** The error code by which Redis refused the credentials, on the failure or a cause of it; null if it did not. */
    private static String credentialsRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JedisDataException && t.getMessage() != null) {
                Matcher refused = REFUSED_CREDENTIALS.matcher(t.getMessage());
                if (refused.find()) {
                    return refused.group(1) != null ? refused.group(1) : "ERR AUTH";
                }
            }
        }
        return null;
    }
}
