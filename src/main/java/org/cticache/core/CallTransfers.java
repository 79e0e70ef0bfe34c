package org.cticache.core;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The three operations of a transfer: allocate a DNIS with the caller's data, peek at it, take it. */
public final class CallTransfers {

    private final CallDataStore store;
    private final DnisPools pools;
    private final TtlPolicy ttl;
    // Per service instance and pool, so that successive allocations rotate and a DNIS is reused as late as possible.
    // Kept in memory on purpose: a shared counter in Redis would be one key every allocation touches, a hot slot
    // in a cluster and a second key outside the ANI's slot, which would break the one-script atomicity. Instances
    // need not agree on the rotation; SET NX in the script is what keeps them from colliding. (A pool matched by
    // DNIS alone is one slot anyway, and rotates in Redis, shared by every instance.)
    private final Map<DnisPool, AtomicInteger> cursors;

    public CallTransfers(CallDataStore store, DnisPools pools, TtlPolicy ttl) {
        this.store = store;
        this.pools = pools;
        this.ttl = ttl;
        this.cursors = pools.all().values().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), pool -> new AtomicInteger()));
    }

    /**
     * Picks a DNIS of the named pool (the default pool when {@code poolName} is null) that holds no live entry
     * for this ANI and stores the data there. A repeated {@code idempotencyKey} (may be null) gets the original
     * allocation back.
     */
    public Allocation create(Ani ani, CallData data, String poolName, Long ttlSeconds, String idempotencyKey) {
        DnisPool pool = pools.find(poolName);
        int lifetime = ttl.resolve(ttlSeconds);
        IdempotencyKey idempotency = idempotencyKey == null ? null
                : IdempotencyKey.of(idempotencyKey, ani, data, pool.name(), lifetime);
        AtomicInteger cursor = cursors.get(pool);
        int start = Math.floorMod(cursor.getAndIncrement(), pool.size());
        Dnis dnis = store.allocate(pool, start, ani, data, lifetime, idempotency);
        int taken = pool.position(dnis);
        if (taken != start) {
            // The caller held the DNIS at the start and more: the rotation goes on after the one it got.
            cursor.set(taken + 1);
        }
        return new Allocation(new EntryKey(dnis, ani), data, pool.name(), lifetime);
    }

    /** The data under the key; the entry stays until it expires or is taken. */
    public CallData peek(EntryKey key) {
        return pools.poolMatchedByDnis(key.dnis()).map(pool -> store.peekMatchedByDnis(pool, key.dnis(), key.ani()))
                .orElseGet(() -> store.peek(key))
                .orElseThrow(() -> new EntryNotFoundException(key));
    }

    /**
     * The data under the key, consumed: of concurrent takes exactly one succeeds. With a retry key (may be null)
     * a retry whose first answer was lost gets the data too, for a while.
     */
    public CallData take(EntryKey key, String retryKey) {
        return pools.poolMatchedByDnis(key.dnis())
                .map(pool -> store.takeMatchedByDnis(pool, key.dnis(), key.ani(), retryKey))
                .orElseGet(() -> store.take(key, retryKey))
                .orElseThrow(() -> new EntryNotFoundException(key));
    }

    /** The data on a DNIS of a pool matched by DNIS alone, whatever ANI the call arrived with. */
    public CallData peek(Dnis dnis) {
        return pools.poolMatchedByDnis(dnis).flatMap(pool -> store.peekMatchedByDnis(pool, dnis, null))
                .orElseThrow(() -> new EntryNotFoundException(dnis));
    }

    /** Like {@link #peek(Dnis)}, consumed; the retry key as in {@link #take(EntryKey, String)}. */
    public CallData take(Dnis dnis, String retryKey) {
        return pools.poolMatchedByDnis(dnis).flatMap(pool -> store.takeMatchedByDnis(pool, dnis, null, retryKey))
                .orElseThrow(() -> new EntryNotFoundException(dnis));
    }

    public DnisPools pools() {
        return pools;
    }

    public boolean isStoreUp() {
        return store.isUp();
    }
}
