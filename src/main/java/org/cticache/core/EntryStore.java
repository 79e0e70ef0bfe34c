package org.cticache.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * The store as a layer that binds each value to its whole entry needs it: the value made only once the DNIS is
 * picked, and each value read back with the envelope stored beside it, so that an encrypted value can
 * authenticate its DNIS, ANI, pool and envelope and open nowhere else.
 */
public interface EntryStore extends CallDataStore {

    /**
     * Like {@link #allocate(DnisPool, int, Ani, CallData, int, IdempotencyKey)}, with the stored value made by
     * {@code value} for the place the entry landed in. The entry holds a reservation, which reads as absent, until
     * the value replaces it; a repeated idempotency key completes its own reservation if the first attempt could
     * not.
     */
    Dnis allocate(DnisPool pool, int start, Ani ani, Function<Placement, CallData> value, int ttlSeconds,
                  IdempotencyKey idempotency);

    /**
     * Peeks at ({@code take} false) or takes a live entry, as {@link #peek}, {@link #take},
     * {@link #peekMatchedByDnis} and {@link #takeMatchedByDnis} do.
     *
     * @param poolMatchedByDnis the pool matched by DNIS alone that holds the DNIS, or null when the entry's key
     *                          is {@code <dnis>:<ani>}
     * @param ani               the caller's ANI; with {@code poolMatchedByDnis} it may be null (any caller)
     * @param retryKey          for a take, as {@link #take(EntryKey, String)} has it; may be null
     */
    Optional<StoredValue> read(DnisPool poolMatchedByDnis, Dnis dnis, Ani ani, boolean take, String retryKey);

    @Override
    default Optional<CallData> peek(EntryKey key) {
        return read(null, key.dnis(), key.ani(), false, null).map(StoredValue::data);
    }

    @Override
    default Optional<CallData> take(EntryKey key, String retryKey) {
        return read(null, key.dnis(), key.ani(), true, retryKey).map(StoredValue::data);
    }

    @Override
    default Optional<CallData> peekMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani) {
        return read(pool, dnis, ani, false, null).map(StoredValue::data);
    }

    @Override
    default Optional<CallData> takeMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani, String retryKey) {
        return read(pool, dnis, ani, true, retryKey).map(StoredValue::data);
    }
}
