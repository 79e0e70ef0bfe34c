package org.cticache.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.EntryKey;
import org.cticache.core.EntryStore;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.OccupancyStore;
import org.cticache.core.Placement;
import org.cticache.core.PoolEvents;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.PoolOccupancy;
import org.cticache.core.StoreUnavailableException;
import org.cticache.core.StoredValue;
import org.cticache.store.CallTiming.Call;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * The entries in Redis, and their pools' occupancy: one script call per entry operation, each atomic on the Redis
 * side with its bookkeeping, and each of bounded cost whatever the pool's size, spelling or occupancy; the
 * occupancy of every pool in one pipeline per Redis master.
 */
public final class RedisCallDataStore implements EntryStore, OccupancyStore {

    private static final Logger LOG = Logger.getLogger(RedisCallDataStore.class.getName());

    // A pool's numbers stay in Redis this long after they were last published; an allocation that finds them
    // gone publishes them again, so this only bounds how long a pool's former versions linger.
    private static final long NUMBERS_TTL_MILLIS = 7L * 24 * 3600 * 1000;
    // Starts a reservation: no JSON text starts with it, nor does a sealed value (\u0001) or an envelope (\0).
    private static final char RESERVED = '\u0002';

    // The key a health check writes: short-lived, so it never outlives the checks that refresh it.
    private static final long HEALTH_TTL_MILLIS = 60_000;

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final DnisPools pools;
    private final Map<DnisPool, PoolNumbers> numbers;
    private final PoolEvents events;
    private final int waitReplicas;
    private final int waitTimeoutMillis;
    private final long cooldownMillis;
    private final long horizonMillis;
    private final AllocateScript allocate = new AllocateScript();
    private final ReadScript read = new ReadScript();
    private final FillScript fill = new FillScript();
    private final OccupancyScript occupancy = new OccupancyScript();
    private final AtomicBoolean lastHealthUp = new AtomicBoolean(true);

    private RedisCallDataStore(RedisCalls redis, RedisKeys keys, DnisPools pools, PoolEvents events,
                               int waitReplicas, int waitTimeoutMillis, long cooldownMillis, long horizonMillis) {
        this.redis = redis;
        this.keys = keys;
        this.pools = pools;
        this.numbers = pools.all().values().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), PoolNumbers::new));
        this.events = events;
        this.waitReplicas = waitReplicas;
        this.waitTimeoutMillis = waitTimeoutMillis;
        this.cooldownMillis = cooldownMillis;
        this.horizonMillis = horizonMillis;
    }

    /**
     * Builds the connection pools, logs the round trip to Redis and warms the pools (see RedisCalls.warm); Redis
     * may still be down at start-up.
     *
     * @param pools           the configured pools
     * @param events          told of allocations and exhaustions
     * @param timing          told how long each call to Redis took
     * @param cooldownSeconds how long a consumed or expired {@code <dnis>:<ani>} stays blocked (0: not at all)
     * @param ttlMaxSeconds   the longest lifetime an entry may have
     */
    public static RedisCallDataStore open(RedisOptions options, String keyPrefix, DnisPools pools, PoolEvents events,
                                          CallTiming timing, int cooldownSeconds, int ttlMaxSeconds) {
        boolean clustered = options.topology().mode() == RedisTopology.Mode.CLUSTER;
        // The bookkeeping outlives the longest entry and its cool-down by a day, then goes by itself.
        long horizonMillis = (ttlMaxSeconds + cooldownSeconds + 86_400L) * 1000;
        RedisCalls redis = new RedisCalls(RedisConnectors.open(options), timing);
        RedisKeys keys = new RedisKeys(keyPrefix, clustered);
        if (RoundTripCheck.log(redis, keys.health(), options)) {
            redis.warm();
        }
        return new RedisCallDataStore(redis, keys, pools, events, options.waitReplicas(),
                options.waitTimeoutMillis(), cooldownSeconds * 1000L, horizonMillis);
    }

    /** Borrowed, idle, and callers waiting for a pooled connection. */
    public ConnectionCounts connections() {
        return redis.connections();
    }

    @Override
    public Dnis allocate(DnisPool dnisPool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        return allocate(dnisPool, start, ani, data, null, ttlSeconds, idempotency);
    }

    /**
     * Two steps on one connection, since the script picks the DNIS the value is made for: the script stores a
     * reservation, then fill.lua swaps in the value, before any WAIT. Should the second step fail, the POST fails
     * and the reservation, which reads as absent, holds the DNIS for the entry's lifetime; a retry with the same
     * Idempotency-Key completes it. A reservation names its request (its idempotency fingerprint, or a random id)
     * so that neither step can fill another allocation's.
     */
    @Override
    public Dnis allocate(DnisPool dnisPool, int start, Ani ani, Function<Placement, CallData> value,
                         int ttlSeconds, IdempotencyKey idempotency) {
        String reservation = RESERVED + (idempotency != null ? idempotency.fingerprint()
                : UUID.randomUUID().toString());
        return allocate(dnisPool, start, ani, new CallData(reservation), value, ttlSeconds, idempotency);
    }

    /** {@code value} null: {@code data} is the value; otherwise {@code data} is the reservation it replaces. */
    private Dnis allocate(DnisPool dnisPool, int start, Ani ani, CallData data, Function<Placement, CallData> value,
                          int ttlSeconds, IdempotencyKey idempotency) {
        boolean claimed = idempotency != null && claim(idempotency, ttlSeconds);
        // A call that failed keeps its claim: its script may have stored the entry, and a retry of the same
        // request still gets it. A refusal, or an entry removed for want of replicas, stored nothing, so the key
        // is free again.
        AllocateScript.Outcome outcome = allocateOnce(dnisPool, start, ani, data, value, ttlSeconds, idempotency);
        if (claimed && !(outcome instanceof AllocateScript.Allocated || outcome instanceof AllocateScript.Again)) {
            release(idempotency);
        }
        if (outcome instanceof AllocateScript.Unreplicated unreplicated) {
            throw new StoreUnavailableException("only " + unreplicated.acknowledged() + " of the " + waitReplicas
                    + " required Redis replicas confirmed the entry within " + waitTimeoutMillis
                    + " ms; it was removed again", null);
        }
        if (outcome instanceof AllocateScript.Allocated allocated) {
            events.allocated(dnisPool, allocated.held());
            return allocated.dnis();
        }
        if (outcome instanceof AllocateScript.Again again) {
            return again.dnis();
        }
        if (outcome instanceof AllocateScript.Full full) {
            events.exhausted(dnisPool);
            throw new PoolExhaustedException(dnisPool, (int) Math.max(1, (full.millisToFirstFree() + 999) / 1000));
        }
        if (outcome instanceof AllocateScript.Conflict) {
            throw new IdempotencyConflictException(idempotency.key());
        }
        throw new IllegalStateException("the numbers of pool '" + dnisPool.name()
                + "' vanished from Redis as soon as they were published");
    }

    private AllocateScript.Outcome allocateOnce(DnisPool dnisPool, int start, Ani ani, CallData data,
                                                Function<Placement, CallData> value, int ttlSeconds,
                                                IdempotencyKey idempotency) {
        PoolNumbers poolNumbers = numbers.get(dnisPool);
        String tag = keys.tagPrefix(dnisPool, ani);
        AllocateScript.Request request = new AllocateScript.Request(RedisKeys.stats(tag),
                keys.numbers(tag, poolNumbers), poolNumbers, start, ani, data, ttlSeconds, cooldownMillis,
                horizonMillis, idempotency);
        return redis.call(Call.ALLOCATE, request.statsKey(), jedis -> {
            AllocateScript.Outcome result = allocate.run(jedis, request);
            if (result instanceof AllocateScript.NoPool) {
                jedis.set(request.numbersKey(), poolNumbers.encoded(), SetParams.setParams().px(NUMBERS_TTL_MILLIS));
                result = allocate.run(jedis, request);
            }
            if (result instanceof AllocateScript.Allocated allocated) {
                if (value != null) {
                    fill(jedis, entryKey(dnisPool, ani, allocated.dnis()), allocated.envelope() + data.json(),
                            new Placement(allocated.dnis(), allocated.envelope()), value);
                }
                return replicated(jedis, dnisPool, ani, allocated, idempotency);
            } else if (result instanceof AllocateScript.Again again && value != null) {
                String entry = entryKey(dnisPool, ani, again.dnis());
                String stored = jedis.get(entry);
                String envelope = stored == null ? "" : stored.substring(0, envelopeLength(stored));
                if (stored != null && stored.equals(envelope + data.json())) {
                    fill(jedis, entry, stored, new Placement(again.dnis(), envelope), value);
                }
            }
            return result;
        });
    }

    /**
     * Swaps the reservation for the value. Should it be gone (taken or expired between the two steps), nothing is
     * stored: the POST still answers with its DNIS, as if the entry had been taken right after it was stored.
     */
    private void fill(Jedis jedis, String entry, String reservation, Placement placement,
                      Function<Placement, CallData> value) {
        fill.run(jedis, entry, reservation, placement.envelope() + value.apply(placement).json());
    }

    private String entryKey(DnisPool pool, Ani ani, Dnis dnis) {
        return keys.holderPrefix(pool, ani) + dnis.value();
    }

    /**
     * Records the idempotency key with its request's fingerprint for the entry's lifetime, under a key of its own
     * (in a cluster: its own slot), so that a reuse for any other request, another ANI included, is caught; the
     * allocation script then allocates once per key and ANI. Returns whether this call made the record, false
     * when a retry of the same request did.
     */
    private boolean claim(IdempotencyKey idempotency, int ttlSeconds) {
        String claim = keys.idempotency(idempotency.key());
        String earlier = redis.call(Call.ALLOCATE, claim, jedis -> {
            SetParams once = SetParams.setParams().nx().px(ttlSeconds * 1000L);
            if (jedis.set(claim, idempotency.fingerprint(), once) != null) {
                return null;
            }
            return jedis.get(claim);
        });
        if (earlier != null && !earlier.equals(idempotency.fingerprint())) {
            throw new IdempotencyConflictException(idempotency.key());
        }
        return earlier == null;
    }

    /** A request that stored nothing leaves its idempotency key free again (best effort: it may time out too). */
    private void release(IdempotencyKey idempotency) {
        String claim = keys.idempotency(idempotency.key());
        try {
            redis.call(Call.ALLOCATE, claim, jedis -> jedis.del(claim));
        } catch (StoreUnavailableException e) {
            // The record expires with the lifetime the request asked for; a retry with the same request still works.
        }
    }

    /**
     * With cticache.redis.wait.replicas set, holds the acknowledgement until that many replicas have the entry
     * (WAIT, on the connection that wrote it); if they do not within the wait timeout, removes it again with its
     * holding and idempotency record, as if it had never been stored, so that neither a failover nor a retry
     * can bring back an entry whose POST failed.
     */
    private AllocateScript.Outcome replicated(Jedis jedis, DnisPool pool, Ani ani, AllocateScript.Allocated allocated,
                                              IdempotencyKey idempotency) {
        if (waitReplicas == 0) {
            return allocated;
        }
        long acknowledged = jedis.waitReplicas(waitReplicas, waitTimeoutMillis);
        if (acknowledged >= waitReplicas) {
            return allocated;
        }
        String record = idempotency == null ? null
                : keys.holderPrefix(pool, ani) + "idempotency:" + idempotency.key();
        ReadScript.Request removal = pool.isMatchedByDnis()
                ? matchedByDnis(pool, allocated.dnis(), ReadScript.Mode.REMOVE, "", record)
                : byAni(new EntryKey(allocated.dnis(), ani), ReadScript.Mode.REMOVE, record);
        read.run(jedis, removal);
        return new AllocateScript.Unreplicated(acknowledged);
    }

    /**
     * A take with a retry key keeps what it took under {@code <entry key>:taken:<retry key>} for a while (see
     * read.lua), in the entry's slot.
     */
    @Override
    public Optional<StoredValue> read(DnisPool poolMatchedByDnis, Dnis dnis, Ani ani, boolean take, String retryKey) {
        ReadScript.Mode mode = take ? ReadScript.Mode.TAKE : ReadScript.Mode.PEEK;
        if (poolMatchedByDnis != null) {
            String entry = entryKey(poolMatchedByDnis, ani, dnis);
            return readEntry(matchedByDnis(poolMatchedByDnis, dnis, mode, ani == null ? "" : ani.value(),
                    kept(entry, retryKey)));
        }
        EntryKey key = new EntryKey(dnis, ani);
        if (take || cooldownMillis > 0) {
            return readEntry(byAni(key, mode, kept(keys.entry(key), retryKey)));
        }
        String entry = keys.entry(key);
        String stored = redis.call(Call.PEEK, entry, jedis -> jedis.get(entry));
        if (stored != null && stored.startsWith("\0")) {
            // An envelope or a tombstone, written by an instance with a cool-down (a rolling change of the
            // setting): read.lua knows every stored form.
            return readEntry(byAni(key, mode, null));
        }
        return split(stored);
    }

    /** A read of an entry of a pool matched by DNIS and ANI: a take settles it in whichever pool holds it. */
    private ReadScript.Request byAni(EntryKey key, ReadScript.Mode mode, String idempotencyRecord) {
        List<ReadScript.Candidate> candidates = new ArrayList<>();
        if (mode != ReadScript.Mode.PEEK) {
            for (DnisPool pool : pools.containing(key.dnis())) {
                if (!pool.isMatchedByDnis()) {
                    candidates.add(candidate(pool, key.dnis()));
                }
            }
        }
        return new ReadScript.Request(RedisKeys.stats(keys.bucketPrefix(RedisKeys.bucket(key.ani()))),
                keys.entry(key), mode, cooldownMillis, horizonMillis, "", key.ani().value(), candidates,
                idempotencyRecord);
    }

    private ReadScript.Request matchedByDnis(DnisPool pool, Dnis dnis, ReadScript.Mode mode, String requiredAni,
                                      String idempotencyRecord) {
        String tag = keys.poolPrefix(pool);
        return new ReadScript.Request(RedisKeys.stats(tag), tag + dnis.value(), mode, cooldownMillis, horizonMillis,
                requiredAni, "", mode == ReadScript.Mode.PEEK ? List.of() : List.of(candidate(pool, dnis)),
                idempotencyRecord);
    }

    private ReadScript.Candidate candidate(DnisPool pool, Dnis dnis) {
        return new ReadScript.Candidate(pool.name(), numbers.get(pool).version(), pool.position(dnis));
    }

    private static String kept(String entry, String retryKey) {
        return retryKey == null ? null : entry + ":taken:" + retryKey;
    }

    private Optional<StoredValue> readEntry(ReadScript.Request request) {
        Call call = request.mode() == ReadScript.Mode.TAKE ? Call.TAKE : Call.PEEK;
        return split(redis.call(call, request.statsKey(), jedis -> read.run(jedis, request)));
    }

    /** A stored form as its envelope (see read.lua) and value; a reservation is no value yet. */
    private static Optional<StoredValue> split(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        int value = envelopeLength(stored);
        String data = stored.substring(value);
        return !data.isEmpty() && data.charAt(0) == RESERVED ? Optional.empty()
                : Optional.of(new StoredValue(new CallData(data), stored.substring(0, value)));
    }

    private static int envelopeLength(String stored) {
        if (stored.isEmpty() || stored.charAt(0) != '\0') {
            return 0;
        }
        int second = stored.indexOf('\0', 1);
        return second < 0 ? 0 : stored.indexOf('\0', second + 1) + 1;
    }

    /**
     * One pipeline of occupancy.lua calls per Redis master, whatever the number of pools and buckets: a scrape
     * costs a round trip or two, not one per tag. Without a slot map at hand, a cluster's masters are found by
     * asking: each pipeline goes to the master of the first tag still to count, and what that node redirects goes
     * on to the next.
     */
    @Override
    public List<PoolOccupancy> occupancy(Collection<DnisPool> wanted) {
        List<OccupancyScript.Tag> tags = new ArrayList<>();
        List<DnisPool> byAni = wanted.stream().filter(pool -> !pool.isMatchedByDnis()).toList();
        if (!byAni.isEmpty()) {
            for (int bucket = 0; bucket < RedisKeys.BUCKETS; bucket++) {
                tags.add(new OccupancyScript.Tag(RedisKeys.stats(keys.bucketPrefix(bucket)),
                        AllocateScript.LIGHT_HOLDINGS, byAni));
            }
        }
        for (DnisPool pool : wanted) {
            if (pool.isMatchedByDnis()) {
                tags.add(new OccupancyScript.Tag(RedisKeys.stats(keys.poolPrefix(pool)), 0, List.of(pool)));
            }
        }
        Map<DnisPool, PoolOccupancy> totals = new LinkedHashMap<>();
        while (!tags.isEmpty()) {
            List<OccupancyScript.Tag> pending = tags;
            OccupancyScript.Answers answers = redis.call(Call.COUNT, pending.get(0).statsKey(),
                    jedis -> occupancy.run(jedis, cooldownMillis, horizonMillis, pending));
            answers.counted().forEach((tag, counts) -> add(tag.pools(), counts, totals));
            tags = answers.elsewhere();
        }
        return wanted.stream().map(totals::get).toList();
    }

    /** Adds one tag's counts to the running totals: sums, and the busiest's maximum. */
    private static void add(List<DnisPool> poolsHere, List<OccupancyScript.Counts> counts,
                            Map<DnisPool, PoolOccupancy> totals) {
        for (int i = 0; i < poolsHere.size(); i++) {
            DnisPool pool = poolsHere.get(i);
            OccupancyScript.Counts c = counts.get(i);
            PoolOccupancy here = new PoolOccupancy(pool, c.live(), c.busiest(), c.noShows(), c.exhaustions());
            totals.merge(pool, here, (a, b) -> new PoolOccupancy(pool, a.live() + b.live(),
                    Math.max(a.busiest(), b.busiest()), a.noShows() + b.noShows(), a.exhaustions() + b.exhaustions()));
        }
    }

    /**
     * Whether the master that serves cticache's keys takes a write; in a cluster, the one of a sample slot. A
     * write, not a PING: a Redis that cannot persist (MISCONF) or is full (OOM) still answers PING but refuses
     * every allocation.
     */
    @Override
    public boolean isUp() {
        try {
            String health = keys.health();
            boolean up = "OK".equals(redis.call(Call.PING, health,
                    jedis -> jedis.set(health, "up", SetParams.setParams().px(HEALTH_TTL_MILLIS))));
            if (up && !lastHealthUp.getAndSet(true)) {
                LOG.info("cticache: Redis is up again, health UP");
            }
            return up;
        } catch (StoreUnavailableException e) {
            // Once per change: a load balancer polls health every few seconds.
            if (lastHealthUp.getAndSet(false)) {
                LOG.warning("cticache: health DOWN: " + e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
