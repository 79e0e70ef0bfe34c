package org.cticache.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryStore;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.OccupancyStore;
import org.cticache.core.Placement;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.PoolOccupancy;
import org.cticache.core.StoreUnavailableException;
import org.cticache.core.StoredValue;

/**
 * The store port in memory, for tests that need its rules but not Redis: the rules of the Redis scripts (a live
 * entry is never overwritten, a caller holding every DNIS is refused, an idempotency key gets its allocation back,
 * a take's retry key gets its value back, entries expire), on a clock that only the test moves, and with the stored
 * forms laid out as Redis holds them, so that a test can look at or tamper with what the store keeps.
 */
public final class MemoryCallDataStore implements EntryStore, OccupancyStore {

    // read.lua's KEPT_MS: how long a take's retry key keeps the value it took.
    private static final long KEPT_MILLIS = 60_000;

    // The stored forms by key: "<ani>:<dnis>", or "<pool>:<dnis>" in a pool matched by DNIS alone, whose value
    // has the caller's ANI in an envelope in front of it ("\0\0<ani>\0"), as in Redis without a cool-down.
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Entry> taken = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    // Rotation of the pools matched by DNIS alone, which the store keeps (in Redis: shared by every instance).
    private final Map<DnisPool, Integer> cursors = new HashMap<>();
    private final Map<DnisPool, Long> noShows = new HashMap<>();
    private final Map<DnisPool, Long> exhaustions = new HashMap<>();
    private long nowMillis;
    private boolean up = true;
    private RuntimeException bug;

    /** What the store keeps under one key until its end of life; the pool that allocated it, null if planted. */
    private record Entry(String stored, DnisPool pool, String holder, long endMillis) {
    }

    /** An idempotency key's record: the request it came with and the DNIS that request got. */
    private record Claim(String fingerprint, Dnis dnis, long endMillis) {
    }

    /** Moves the store's clock on: entries whose lifetime is over are gone, as Redis expires them. */
    public synchronized void advance(Duration time) {
        nowMillis += time.toMillis();
    }

    /** From now on every call fails as it does when Redis does not answer in time, until {@link #up()}. */
    public synchronized void down() {
        up = false;
    }

    /** From now on every call throws this, as a bug below the HTTP edge would, until {@link #up()}. */
    public synchronized void failWith(RuntimeException failure) {
        bug = failure;
    }

    /** Answers again, after {@link #down()} or {@link #failWith}. */
    public synchronized void up() {
        up = true;
        bug = null;
    }

    /** The stored form under a key ("<ani>:<dnis>" or "<pool>:<dnis>"), envelope included; null if none is live. */
    public synchronized String stored(String key) {
        expire();
        Entry entry = entries.get(key);
        return entry == null ? null : entry.stored();
    }

    /** Writes a stored form under a key as another writer could, living until it is taken. */
    public synchronized void plant(String key, String stored) {
        entries.put(key, new Entry(stored, null, null, Long.MAX_VALUE));
    }

    /** How many live entries there are. */
    public synchronized int size() {
        expire();
        return entries.size();
    }

    /** The fingerprint recorded for an idempotency key, null if none is live. */
    public synchronized String fingerprint(String idempotencyKey) {
        expire();
        Claim claim = claims.get(idempotencyKey);
        return claim == null ? null : claim.fingerprint();
    }

    @Override
    public Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        return allocate(pool, start, ani, placement -> data, ttlSeconds, idempotency);
    }

    @Override
    public synchronized Dnis allocate(DnisPool pool, int start, Ani ani, Function<Placement, CallData> value,
                                      int ttlSeconds, IdempotencyKey idempotency) {
        answer();
        if (idempotency != null) {
            Claim earlier = claims.get(idempotency.key());
            if (earlier != null && !earlier.fingerprint().equals(idempotency.fingerprint())) {
                throw new IdempotencyConflictException(idempotency.key());
            }
            if (earlier != null) {
                return earlier.dnis();
            }
        }
        boolean byDnis = pool.isMatchedByDnis();
        int from = byDnis ? cursors.getOrDefault(pool, 0) : start;
        long end = nowMillis + ttlSeconds * 1000L;
        for (int i = 0; i < pool.size(); i++) {
            int position = (from + i) % pool.size();
            Dnis dnis = pool.numbers().get(position);
            String key = key(byDnis ? pool : null, dnis, ani);
            if (!entries.containsKey(key)) {
                String envelope = byDnis ? "\0\0" + ani.value() + "\0" : "";
                String stored = envelope + value.apply(new Placement(dnis, envelope)).json();
                entries.put(key, new Entry(stored, pool, byDnis ? "" : ani.value(), end));
                if (idempotency != null) {
                    claims.put(idempotency.key(), new Claim(idempotency.fingerprint(), dnis, end));
                }
                if (byDnis) {
                    cursors.put(pool, (position + 1) % pool.size());
                }
                return dnis;
            }
        }
        exhaustions.merge(pool, 1L, Long::sum);
        // Retry-After: seconds until the first of the caller's entries ends, rounded up, as allocate.lua has it.
        long firstFree = pool.numbers().stream().map(dnis -> entries.get(key(byDnis ? pool : null, dnis, ani)))
                .mapToLong(Entry::endMillis).min().orElseThrow() - nowMillis;
        long seconds = firstFree / 1000 + (firstFree % 1000 > 0 ? 1 : 0);
        throw new PoolExhaustedException(pool, (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds)));
    }

    @Override
    public synchronized Optional<StoredValue> read(DnisPool poolMatchedByDnis, Dnis dnis, Ani ani, boolean take,
                                                   String retryKey) {
        answer();
        String key = key(poolMatchedByDnis, dnis, ani);
        String keptUnder = retryKey == null ? null : key + ":taken:" + retryKey;
        if (take && keptUnder != null && taken.containsKey(keptUnder)) {
            return Optional.of(split(taken.get(keptUnder).stored()));
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        StoredValue value = split(entry.stored());
        if (poolMatchedByDnis != null && ani != null && !value.envelope().equals("\0\0" + ani.value() + "\0")) {
            return Optional.empty();
        }
        if (take) {
            entries.remove(key);
            if (keptUnder != null) {
                taken.put(keptUnder, new Entry(entry.stored(), null, null, nowMillis + KEPT_MILLIS));
            }
        }
        return Optional.of(value);
    }

    @Override
    public synchronized List<PoolOccupancy> occupancy(Collection<DnisPool> pools) {
        answer();
        return pools.stream().map(this::occupancyOf).toList();
    }

    private PoolOccupancy occupancyOf(DnisPool pool) {
        Map<String, Long> byHolder = entries.values().stream().filter(entry -> entry.pool() == pool)
                .collect(Collectors.groupingBy(Entry::holder, Collectors.counting()));
        long live = byHolder.values().stream().mapToLong(Long::longValue).sum();
        long busiest = byHolder.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new PoolOccupancy(pool, live, busiest, noShows.getOrDefault(pool, 0L),
                exhaustions.getOrDefault(pool, 0L));
    }

    @Override
    public synchronized boolean isUp() {
        return up;
    }

    @Override
    public void close() {
    }

    /** Fails as Redis does when it cannot answer; otherwise lets the entries whose lifetime is over go first. */
    private void answer() {
        if (bug != null) {
            throw bug;
        }
        if (!up) {
            throw new StoreUnavailableException("the store is down (MemoryCallDataStore.down()); nothing was changed",
                    null);
        }
        expire();
    }

    private void expire() {
        for (Iterator<Entry> i = entries.values().iterator(); i.hasNext(); ) {
            Entry entry = i.next();
            if (entry.endMillis() <= nowMillis) {
                i.remove();
                if (entry.pool() != null) {
                    noShows.merge(entry.pool(), 1L, Long::sum);
                }
            }
        }
        taken.values().removeIf(entry -> entry.endMillis() <= nowMillis);
        claims.values().removeIf(claim -> claim.endMillis() <= nowMillis);
    }

    private static String key(DnisPool poolMatchedByDnis, Dnis dnis, Ani ani) {
        return (poolMatchedByDnis != null ? poolMatchedByDnis.name() : ani.value()) + ":" + dnis.value();
    }

    /** A stored form as its envelope ("\0<end of life>\0<ani>\0", see read.lua) and the value behind it. */
    private static StoredValue split(String stored) {
        int second = stored.startsWith("\0") ? stored.indexOf('\0', 1) : -1;
        int end = second < 0 ? 0 : stored.indexOf('\0', second + 1) + 1;
        return new StoredValue(new CallData(stored.substring(end)), stored.substring(0, end));
    }
}
