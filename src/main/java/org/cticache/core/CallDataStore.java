package org.cticache.core;

import java.util.Optional;

/**
 * Where entries live. Implementations make every operation atomic and throw
 * {@link StoreUnavailableException} when the store cannot answer in time.
 */
public interface CallDataStore extends AutoCloseable {

    /**
     * Stores the data under the first DNIS of the pool, in order from {@code start} and wrapping around, whose
     * {@code <dnis>:<ani>} holds no live entry, never overwriting one; a pool matched by DNIS alone rotates in
     * the store instead, shared by every instance, and takes a DNIS without a live entry whatever the ANI. With
     * an idempotency key (may be null) that was already used for the same request, returns that allocation's DNIS
     * instead.
     *
     * @throws PoolExhaustedException        when every DNIS of the pool holds a live entry for this ANI
     * @throws IdempotencyConflictException when the key was used for a different request
     */
    Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds, IdempotencyKey idempotency);

    /** The live entry under the key, left in place. */
    Optional<CallData> peek(EntryKey key);

    /** The live entry under the key, removed in the same step, so that only one caller ever gets it. */
    default Optional<CallData> take(EntryKey key) {
        return take(key, null);
    }

    /**
     * Like {@link #take(EntryKey)}; with a retry key (the client's Idempotency-Key, may be null) the value taken
     * stays readable under that key for a while, so that a retry whose first answer was lost still gets it.
     */
    Optional<CallData> take(EntryKey key, String retryKey);

    /** The live entry on a DNIS of a pool matched by DNIS alone; with an ANI, only if it came from that ANI. */
    Optional<CallData> peekMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani);

    /** Like {@link #peekMatchedByDnis}, the entry removed in the same step. */
    default Optional<CallData> takeMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani) {
        return takeMatchedByDnis(pool, dnis, ani, null);
    }

    /** Like {@link #takeMatchedByDnis(DnisPool, Dnis, Ani)}, with a retry key as {@link #take(EntryKey, String)}. */
    Optional<CallData> takeMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani, String retryKey);

    /** Whether the store answers right now. */
    boolean isUp();

    @Override
    void close();
}
