package org.cticache.store;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.StoreUnavailableException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/** The entries in Redis: one round trip per operation, each atomic on the Redis side. */
public final class RedisCallDataStore implements CallDataStore {

    // Redis answers these while it cannot serve (starting, failing over, a replica, a busy script, out of
    // memory, refusing our credentials): for the client that is Redis being unavailable, and the logged cause
    // tells the administrator which.
    private static final List<String> UNAVAILABLE_ERRORS = List.of("LOADING", "READONLY", "MASTERDOWN", "BUSY",
            "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM", "NOAUTH", "WRONGPASS", "NOPERM");

    private final RedisConnector redis;
    private final RedisKeys keys;
    private final int waitReplicas;
    private final int waitTimeoutMillis;
    private final long cooldownMillis;
    private final LuaScript allocate = LuaScript.fromResource("allocate.lua");
    private final LuaScript read = LuaScript.fromResource("read.lua");
    private final Map<DnisPool, List<String>> encodedPools = new ConcurrentHashMap<>();

    private RedisCallDataStore(RedisConnector redis, String keyPrefix, int waitReplicas, int waitTimeoutMillis,
                               long cooldownMillis) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMillis = waitTimeoutMillis;
        this.cooldownMillis = cooldownMillis;
    }

    /**
     * Builds the connection pools; connections open on first use, so Redis may still be down at start-up.
     *
     * @param cooldownSeconds how long a consumed or expired {@code <dnis>:<ani>} stays blocked (0: not at all)
     */
    public static RedisCallDataStore open(RedisOptions options, String keyPrefix, int cooldownSeconds) {
        return new RedisCallDataStore(RedisConnectors.open(options), keyPrefix, options.waitReplicas(),
                options.waitTimeoutMillis(), cooldownSeconds * 1000L);
    }

    @Override
    public Dnis allocate(DnisPool dnisPool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        List<String> encoded = encodedPools.computeIfAbsent(dnisPool, PoolEncoding::encode);
        List<String> args = new ArrayList<>(7 + encoded.size());
        args.add(data.json());
        args.add(Integer.toString(ttlSeconds));
        args.add(Integer.toString(start));
        args.add(Integer.toString(dnisPool.size()));
        args.add(Long.toString(cooldownMillis));
        args.add(idempotency == null ? "" : idempotency.key());
        args.add(idempotency == null ? "" : idempotency.fingerprint());
        args.add(dnisPool.isMatchedByDnis() ? ani.value() : "");
        args.addAll(encoded);
        String candidates = dnisPool.isMatchedByDnis() ? keys.poolPrefix(dnisPool) : keys.aniPrefix(ani);
        Object result = call(candidates, jedis -> {
            Object outcome = allocate.run(jedis, List.of(candidates), args);
            return outcome instanceof String dnis ? replicated(jedis, candidates + dnis, dnis) : outcome;
        });
        if (result instanceof String dnis) {
            return new Dnis(dnis);
        }
        long millisToFirstExpiry = (Long) result;
        if (millisToFirstExpiry < 0) {
            throw new IdempotencyConflictException(idempotency.key());
        }
        int retryAfter = (int) Math.max(1, (millisToFirstExpiry + 999) / 1000);
        throw new PoolExhaustedException(dnisPool, retryAfter);
    }

    /**
     * With cticache.redis.wait.replicas set, holds the acknowledgement until that many replicas have the entry
     * (WAIT, on the connection that wrote it); if they do not within the wait timeout, removes it again so a
     * failover cannot resurrect an entry whose POST failed.
     */
    private Object replicated(Jedis jedis, String key, String dnis) {
        if (waitReplicas == 0) {
            return dnis;
        }
        long acknowledged = jedis.waitReplicas(waitReplicas, waitTimeoutMillis);
        if (acknowledged >= waitReplicas) {
            return dnis;
        }
        jedis.del(key);
        throw new StoreUnavailableException("only " + acknowledged + " of the " + waitReplicas + " required Redis"
                + " replicas confirmed the entry within " + waitTimeoutMillis + " ms; it was removed again", null);
    }

    @Override
    public Optional<CallData> get(EntryKey key) {
        String entry = keys.entry(key);
        if (cooldownMillis > 0) {
            return readEnvelope(entry, "peek", null);
        }
        return Optional.ofNullable(call(entry, jedis -> jedis.get(entry))).map(CallData::new);
    }

    @Override
    public Optional<CallData> take(EntryKey key) {
        String entry = keys.entry(key);
        if (cooldownMillis > 0) {
            return readEnvelope(entry, "take", null);
        }
        return Optional.ofNullable(call(entry, jedis -> jedis.getDel(entry))).map(CallData::new);
    }

    @Override
    public Optional<CallData> getLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return readEnvelope(keys.poolPrefix(pool) + dnis.value(), "peek", ani);
    }

    @Override
    public Optional<CallData> takeLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return readEnvelope(keys.poolPrefix(pool) + dnis.value(), "take", ani);
    }

    /**
     * A value with an envelope (its end of life under a cool-down, its ANI in a pool matched by DNIS alone) is
     * read, checked and, for a take, replaced by a tombstone or removed in one script call.
     */
    private Optional<CallData> readEnvelope(String entry, String mode, Ani ani) {
        Object value = call(entry, jedis -> read.run(jedis, List.of(entry), List.of(mode,
                Long.toString(cooldownMillis), ani == null ? "" : ani.value())));
        return Optional.ofNullable((String) value).map(CallData::new);
    }

    /** Whether the master that serves cticache's keys answers; in a cluster, the one of a sample slot. */
    @Override
    public boolean isUp() {
        try {
            return "PONG".equals(call(keys.health(), Jedis::ping));
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    /**
     * Runs commands on a pooled connection to the master of the key. A connection that broke without a timeout,
     * typically an idle one whose Redis restarted or failed over, is retried once on a fresh connection after
     * the connector forgot what is stale (idle connections, a cluster's slot map; a MOVED answer too), so the
     * first call after a restart succeeds. A timeout is never retried: the command may have run, and the caller
     * must get its answer within the configured time.
     */
    private <T> T call(String key, Function<Jedis, T> command) {
        try {
            return redis.onMasterOf(key, command);
        } catch (JedisConnectionException | JedisRedirectionException e) {
            if (isTimeout(e)) {
                throw unavailable(e);
            }
            redis.recover();
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
        if (e instanceof JedisDataException && UNAVAILABLE_ERRORS.stream().noneMatch(e.getMessage()::startsWith)) {
            return e;
        }
        return new StoreUnavailableException("Redis is unreachable or did not answer in time; nothing was changed",
                e);
    }
}
