package org.cticache.store;

import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cticache.core.StoreUnavailableException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * Runs commands on a pooled connection to the master of a key, timed. A call that got no connection sent nothing:
 * after a quick failure (a refused connection, say a cluster node gone) it is tried once more, after the connector
 * forgot what is stale (idle connections, a cluster's slot map); after a timeout it is not, since a second try
 * would only wait as long again. A connection that broke without a timeout once the commands were sent is retried
 * the same way, but only for a call that may run twice (a peek, a count): the connection can break after Redis
 * ran the command and before its answer arrived, and an allocation or take run again would allocate a second
 * DNIS or find its entry gone. Those answer 503 saying their outcome is unknown; the connectors check an idle
 * connection before use, so the first call after a Redis restart still succeeds. A command that timed out is
 * never retried: it may have run, and the caller must get its answer within the configured time. Redis failing
 * to serve becomes {@link StoreUnavailableException}.
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

    private static final Logger LOG = Logger.getLogger(RedisCalls.class.getName());

    private final RedisConnector redis;
    private final CallTiming timing;

    RedisCalls(RedisConnector redis, CallTiming timing) {
        this.redis = redis;
        this.timing = timing;
    }

    <T> T call(CallTiming.Call name, String key, Function<Jedis, T> command) {
        long start = System.nanoTime();
        try {
            return attempt(name, key, command, true);
        } finally {
            timing.record(name, System.nanoTime() - start);
        }
    }

    /** The median round trip of a few PINGs on one connection to the key's master, connecting excluded. */
    long roundTripNanos(String key, int pings) {
        return call(CallTiming.Call.PING, key, jedis -> {
            long[] nanos = new long[pings];
            for (int i = 0; i < pings; i++) {
                long start = System.nanoTime();
                jedis.ping();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return nanos[pings / 2];
        });
    }

    /**
     * Opens the min-idle connections and loads the scripts ahead of the first calls. A failure is only logged: the
     * calls open connections and load scripts themselves when they must.
     */
    void warm() {
        try {
            redis.warm();
        } catch (JedisException e) {
            LOG.warning("cticache: could not open cticache.redis.pool.min-idle connections and load the scripts at"
                    + " start-up; the first calls will: " + e.getMessage());
        }
    }

    ConnectionCounts connections() {
        return redis.connections();
    }

    @Override
    public void close() {
        redis.close();
    }

    private <T> T attempt(CallTiming.Call name, String key, Function<Jedis, T> command, boolean first) {
        try {
            return redis.onMasterOf(key, command);
        } catch (NotConnectedException e) {
            JedisException failure = e.getCause();
            if (first && failure instanceof JedisConnectionException && !isTimeout(failure)
                    && credentialsRefusal(failure) == null) {
                redis.recover();
                return attempt(name, key, command, false);
            }
            throw unavailable(failure, name, false);
        } catch (JedisConnectionException | JedisRedirectionException e) {
            if (isTimeout(e) || credentialsRefusal(e) != null) {
                throw unavailable(e, name, true);
            }
            redis.recover();
            // A redirection (MOVED) is Redis declining to run the command, so any call may follow it.
            if (first && (name.idempotent() || e instanceof JedisRedirectionException)) {
                return attempt(name, key, command, false);
            }
            throw unavailable(e, name, true);
        } catch (JedisException e) {
            throw unavailable(e, name, true);
        }
    }

    /**
     * Whether the failure, or what it hides, is a timeout. Jedis reports a connect that timed out as a suppressed
     * exception, not a cause, of its "Failed to connect" exception.
     */
    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SocketTimeoutException) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Says what the client may assume: nothing changed, unless the commands of an allocation or take were sent and
     * their answer never came, in which case Redis may have run them.
     */
    private static RuntimeException unavailable(JedisException e, CallTiming.Call name, boolean sent) {
        String refusal = credentialsRefusal(e);
        if (refusal != null) {
            return new StoreUnavailableException("Redis refused cticache's credentials (" + refusal + "): check"
                    + " cticache.redis.user and cticache.redis.password, or those in cticache.redis.uri; nothing was"
                    + " changed", e);
        }
        if (e instanceof JedisDataException && !UNAVAILABLE_ERRORS.matcher(e.getMessage()).find()) {
            return e;
        }
        if (sent && !name.idempotent() && e instanceof JedisConnectionException) {
            String what = isTimeout(e) ? "Redis did not answer in time"
                    : "the connection to Redis broke during the call";
            return new StoreUnavailableException(what + "; " + (name == CallTiming.Call.TAKE
                    ? "the entry may have been taken: retry with the same Idempotency-Key to get its value"
                    : "the entry may have been stored: retry with the same Idempotency-Key to get its DNIS"), e);
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
