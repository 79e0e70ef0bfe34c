package org.cticache.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.EntryKey;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.OccupancyStore;
import org.cticache.core.PoolEvents;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.PoolOccupancy;
import org.cticache.core.StoreUnavailableException;
import org.cticache.metrics.Metrics;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * The entries in Redis, and their pools' occupancy: one round trip per operation, each atomic on the Redis side,
 * the occupancy bookkeeping included.
 */
public final class RedisCallDataStore implements CallDataStore, OccupancyStore {

    // Redis answers these while it cannot serve (starting, failing over, a replica, a busy script, out of
    // memory, refusing our credentials): for the client that is Redis being unavailable, and the logged cause
    // tells the administrator which.
    private static final List<String> UNAVAILABLE_ERRORS = List.of("LOADING", "READONLY", "MASTERDOWN", "BUSY",
            "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM", "NOAUTH", "WRONGPASS", "NOPERM");

    /** How many shards the store counts a pool's occupancy in (see {@link org.cticache.core.PoolEvents}). */
    public static final int SHARDS = RedisKeys.BUCKETS;

    private final RedisConnector redis;
    private final RedisKeys keys;
    private final DnisPools pools;
    private final PoolEvents events;
    private final int waitReplicas;
    private final int waitTimeoutMillis;
    private final long cooldownMillis;
    private final LuaScript allocate = LuaScript.fromResources("tracking.lua", "allocate.lua");
    private final LuaScript read = LuaScript.fromResources("tracking.lua", "read.lua");
    private final LuaScript occupancy = LuaScript.fromResources("tracking.lua", "occupancy.lua");
    private final Map<DnisPool, List<String>> encodedPools = new ConcurrentHashMap<>();
    private final Map<Command, Timer> timers = new EnumMap<>(Command.class);

    /** The calls to Redis, each timed under its name, retries and the wait for a connection included. */
    private enum Command {
        ALLOCATE, PEEK, TAKE, COUNT, PING
    }

    private RedisCallDataStore(RedisConnector redis, String keyPrefix, DnisPools pools, PoolEvents events,
                               MeterRegistry registry, int waitReplicas, int waitTimeoutMillis, long cooldownMillis) {
        this.redis = redis;
        this.keys = new RedisKeys(keyPrefix);
        this.pools = pools;
        this.events = events;
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMillis = waitTimeoutMillis;
        this.cooldownMillis = cooldownMillis;
        for (Command command : Command.values()) {
            timers.put(command, Timer.builder("cticache.redis.calls").description("calls to Redis, by what they do")
                    .tag("call", command.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(Metrics.LATENCY_BUCKETS).register(registry));
        }
        Map<String, ToIntFunction<ConnectionCounts>> states = Map.of("active", ConnectionCounts::active,
                "idle", ConnectionCounts::idle, "waiting", ConnectionCounts::waiting);
        states.forEach((state, count) -> Gauge.builder("cticache.redis.connections", redis,
                        connector -> count.applyAsInt(connector.connections()))
                .description("pooled Redis connections: borrowed, idle, and callers waiting for one")
                .tag("state", state).register(registry));
    }

    /**
     * Builds the connection pools; connections open on first use, so Redis may still be down at start-up.
     *
     * @param pools           the configured pools, whose occupancy a take updates
     * @param events          told of allocations and exhaustions
     * @param registry        where the store's meters go: Redis call latency, connection pool state
     * @param cooldownSeconds how long a consumed or expired {@code <dnis>:<ani>} stays blocked (0: not at all)
     */
    public static RedisCallDataStore open(RedisOptions options, String keyPrefix, DnisPools pools, PoolEvents events,
                                          MeterRegistry registry, int cooldownSeconds) {
        return new RedisCallDataStore(RedisConnectors.open(options), keyPrefix, pools, events, registry,
                options.waitReplicas(), options.waitTimeoutMillis(), cooldownSeconds * 1000L);
    }

    @Override
    public Dnis allocate(DnisPool dnisPool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        List<String> encoded = encodedPools.computeIfAbsent(dnisPool, PoolEncoding::encode);
        List<String> args = new ArrayList<>(10 + encoded.size());
        args.add(data.json());
        args.add(Integer.toString(ttlSeconds));
        args.add(Integer.toString(start));
        args.add(Integer.toString(dnisPool.size()));
        args.add(Long.toString(cooldownMillis));
        args.add(idempotency == null ? "" : idempotency.key());
        args.add(idempotency == null ? "" : idempotency.fingerprint());
        args.add(dnisPool.isMatchedByDnis() ? ani.value() : "");
        args.add(dnisPool.name());
        args.add(dnisPool.isMatchedByDnis() ? "" : ani.value());
        args.addAll(encoded);
        String candidates = dnisPool.isMatchedByDnis() ? keys.poolPrefix(dnisPool) : keys.aniPrefix(ani);
        String tracking = keys.trackingPrefix(dnisPool, ani);
        List<String> scriptKeys = List.of(candidates, RedisKeys.live(tracking, dnisPool),
                RedisKeys.callers(tracking, dnisPool), RedisKeys.stats(tracking));
        List<?> outcome = call(Command.ALLOCATE, candidates, jedis -> {
            List<?> result = (List<?>) allocate.run(jedis, scriptKeys, args);
            if ("new".equals(result.get(0))) {
                replicated(jedis, dnisPool, new EntryKey(new Dnis((String) result.get(1)), ani));
            }
            return result;
        });
        switch ((String) outcome.get(0)) {
            case "new" -> {
                int shard = dnisPool.isMatchedByDnis() ? 0 : RedisKeys.bucket(ani);
                events.allocated(dnisPool, shard, (Long) outcome.get(2));
                return new Dnis((String) outcome.get(1));
            }
            case "again" -> {
                return new Dnis((String) outcome.get(1));
            }
            case "conflict" -> throw new IdempotencyConflictException(idempotency.key());
            default -> {
                events.exhausted(dnisPool);
                long millisToFirstExpiry = (Long) outcome.get(1);
                throw new PoolExhaustedException(dnisPool, (int) Math.max(1, (millisToFirstExpiry + 999) / 1000));
            }
        }
    }

    /**
     * With cticache.redis.wait.replicas set, holds the acknowledgement until that many replicas have the entry
     * (WAIT, on the connection that wrote it); if they do not within the wait timeout, removes it again, from
     * the pool's occupancy too, so a failover cannot resurrect an entry whose POST failed.
     */
    private void replicated(Jedis jedis, DnisPool pool, EntryKey entry) {
        if (waitReplicas == 0) {
            return;
        }
        long acknowledged = jedis.waitReplicas(waitReplicas, waitTimeoutMillis);
        if (acknowledged >= waitReplicas) {
            return;
        }
        TrackedEntry tracked = pool.isMatchedByDnis()
                ? trackedLease(pool, entry.dnis()) : tracked(entry, List.of(pool));
        read.run(jedis, tracked.keys(), tracked.args("take", 0, ""));
        throw new StoreUnavailableException("only " + acknowledged + " of the " + waitReplicas + " required Redis"
                + " replicas confirmed the entry within " + waitTimeoutMillis + " ms; it was removed again", null);
    }

    @Override
    public Optional<CallData> get(EntryKey key) {
        String entry = keys.entry(key);
        if (cooldownMillis > 0) {
            return readEntry(new TrackedEntry(List.of(entry), "", ""), "peek", null);
        }
        return Optional.ofNullable(call(Command.PEEK, entry, jedis -> jedis.get(entry))).map(CallData::new);
    }

    @Override
    public Optional<CallData> take(EntryKey key) {
        return readEntry(tracked(key, pools.containing(key.dnis())), "take", null);
    }

    @Override
    public Optional<CallData> getLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return readEntry(trackedLease(pool, dnis), "peek", ani);
    }

    @Override
    public Optional<CallData> takeLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return readEntry(trackedLease(pool, dnis), "take", ani);
    }

    /** What read.lua needs to take an entry of a pool matched by DNIS and ANI out of the candidate pools' sets. */
    private TrackedEntry tracked(EntryKey key, List<DnisPool> candidates) {
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.entry(key));
        String tracking = keys.bucketPrefix(RedisKeys.bucket(key.ani()));
        for (DnisPool pool : candidates) {
            if (!pool.isMatchedByDnis()) {
                scriptKeys.add(RedisKeys.live(tracking, pool));
                scriptKeys.add(RedisKeys.callers(tracking, pool));
            }
        }
        return new TrackedEntry(scriptKeys, key.dnis().value() + ":" + key.ani().value(), key.ani().value());
    }

    private TrackedEntry trackedLease(DnisPool pool, Dnis dnis) {
        String prefix = keys.poolPrefix(pool);
        return new TrackedEntry(List.of(prefix + dnis.value(), RedisKeys.live(prefix, pool)), dnis.value(), "");
    }

    /**
     * An entry is read, checked (its end of life under a cool-down, its ANI in a pool matched by DNIS alone)
     * and, for a take, replaced by a tombstone or removed and dropped from its pool's occupancy, in one call.
     */
    private Optional<CallData> readEntry(TrackedEntry tracked, String mode, Ani ani) {
        List<String> args = tracked.args(mode, cooldownMillis, ani == null ? "" : ani.value());
        Command command = mode.equals("take") ? Command.TAKE : Command.PEEK;
        Object value = call(command, tracked.keys().get(0), jedis -> read.run(jedis, tracked.keys(), args));
        return Optional.ofNullable((String) value).map(CallData::new);
    }

    /** KEYS and the member and caller arguments of read.lua for one entry. */
    private record TrackedEntry(List<String> keys, String member, String caller) {
        List<String> args(String mode, long cooldownMillis, String requiredAni) {
            return List.of(mode, Long.toString(cooldownMillis), requiredAni, member, caller);
        }
    }

    @Override
    public List<PoolOccupancy> occupancy(Collection<DnisPool> wanted) {
        Map<DnisPool, PoolOccupancy> counted = new LinkedHashMap<>();
        List<DnisPool> byAni = wanted.stream().filter(pool -> !pool.isMatchedByDnis()).toList();
        if (!byAni.isEmpty()) {
            for (int bucket = 0; bucket < RedisKeys.BUCKETS; bucket++) {
                count(keys.bucketPrefix(bucket), "dnis-ani", byAni, counted);
            }
        }
        for (DnisPool pool : wanted) {
            if (pool.isMatchedByDnis()) {
                count(keys.poolPrefix(pool), "dnis", List.of(pool), counted);
            }
        }
        return wanted.stream().map(counted::get).toList();
    }

    /** Adds one bucket's (or DNIS-matched pool's) counts to the running totals: sums, and the busiest's maximum. */
    private void count(String prefix, String match, List<DnisPool> poolsHere, Map<DnisPool, PoolOccupancy> totals) {
        List<String> scriptKeys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        scriptKeys.add(RedisKeys.stats(prefix));
        args.add(match);
        for (DnisPool pool : poolsHere) {
            scriptKeys.add(RedisKeys.live(prefix, pool));
            scriptKeys.add(RedisKeys.callers(prefix, pool));
            args.add(pool.name());
        }
        List<?> counts = (List<?>) call(Command.COUNT, prefix, jedis -> occupancy.run(jedis, scriptKeys, args));
        for (int i = 0; i < poolsHere.size(); i++) {
            DnisPool pool = poolsHere.get(i);
            List<?> c = (List<?>) counts.get(i);
            PoolOccupancy here = new PoolOccupancy(pool, (Long) c.get(0), (Long) c.get(1), (Long) c.get(2),
                    (Long) c.get(3));
            totals.merge(pool, here, (a, b) -> new PoolOccupancy(pool, a.live() + b.live(),
                    Math.max(a.busiest(), b.busiest()), a.noShows() + b.noShows(), a.exhaustions() + b.exhaustions()));
        }
    }

    /** Whether the master that serves cticache's keys answers; in a cluster, the one of a sample slot. */
    @Override
    public boolean isUp() {
        try {
            return "PONG".equals(call(Command.PING, keys.health(), Jedis::ping));
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
    private <T> T call(Command name, String key, Function<Jedis, T> command) {
        long start = System.nanoTime();
        try {
            return attempt(key, command);
        } finally {
            timers.get(name).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private <T> T attempt(String key, Function<Jedis, T> command) {
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
