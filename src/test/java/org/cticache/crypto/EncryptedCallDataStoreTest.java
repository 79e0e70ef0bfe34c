package org.cticache.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.UnreadableEntryException;
import org.junit.jupiter.api.Test;

class EncryptedCallDataStoreTest {

    private static final DnisPool POOL = DnisPool.parse("default", "5551234500");
    private static final DnisPool LEASED = DnisPool.parse("rewriting", "5551234501").matchedByDnis();
    private static final Ani ANI = new Ani("9123456789");
    private static final CallData DATA = new CallData("{\"account\":\"12345678\"}");
    private static final EntryKey KEY = new EntryKey(new Dnis("5551234500"), ANI);

    /** One entry per DNIS and one fingerprint per idempotency key, as the Redis scripts keep them. */
    private static final class MemoryStore implements CallDataStore {

        final Map<String, String> values = new HashMap<>();
        final Map<String, String> fingerprints = new HashMap<>();

        @Override
        public Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                             IdempotencyKey idempotency) {
            Dnis dnis = pool.numbers().get(0);
            if (idempotency != null) {
                String earlier = fingerprints.putIfAbsent(idempotency.key(), idempotency.fingerprint());
                if (earlier != null && !earlier.equals(idempotency.fingerprint())) {
                    throw new IdempotencyConflictException(idempotency.key());
                }
                if (earlier != null) {
                    return dnis;
                }
            }
            values.put(dnis.value(), data.json());
            return dnis;
        }

        @Override
        public Optional<CallData> get(EntryKey key) {
            return Optional.ofNullable(values.get(key.dnis().value())).map(CallData::new);
        }

        @Override
        public Optional<CallData> take(EntryKey key) {
            return Optional.ofNullable(values.remove(key.dnis().value())).map(CallData::new);
        }

        @Override
        public Optional<CallData> getLeased(DnisPool pool, Dnis dnis, Ani ani) {
            return get(new EntryKey(dnis, ani));
        }

        @Override
        public Optional<CallData> takeLeased(DnisPool pool, Dnis dnis, Ani ani) {
            return take(new EntryKey(dnis, ani));
        }

        @Override
        public boolean isUp() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final MemoryStore redis = new MemoryStore();

    @Test
    void theStoreSeesOnlyTheSealedValueAndReadsGetTheExactValueBack() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        store.allocate(POOL, 0, ANI, DATA, 60, null);

        String stored = redis.values.get("5551234500");
        assertEquals(ValueCipher.MARKER, stored.charAt(0));
        assertFalse(stored.contains("12345678"), stored);
        assertEquals(Optional.of(DATA), store.get(KEY));
        assertEquals(Optional.of(DATA), store.take(KEY));
        assertEquals(Optional.empty(), store.get(KEY));
    }

    @Test
    void aPoolMatchedByDnisReadsWithoutTheAni() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(LEASED, 0, ANI, DATA, 60, null);

        assertEquals(Optional.of(DATA), store.getLeased(LEASED, dnis, null));
        assertEquals(Optional.of(DATA), store.takeLeased(LEASED, dnis, ANI));
    }

    @Test
    void anUnreadableEntryNamesTheEntryWithoutTheFullAniOrTheValue() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        store.allocate(POOL, 0, ANI, DATA, 60, null);
        redis.values.computeIfPresent("5551234500", (dnis, stored) -> ValueCipherTest.tampered(stored));

        String message = assertThrows(UnreadableEntryException.class, () -> store.take(KEY)).getMessage();
        assertTrue(message.contains("5551234500:******6789"), message);
        assertFalse(message.contains(ANI.value()) || message.contains("12345678"), message);
        assertTrue(redis.values.isEmpty(), "a take removes the entry even when it cannot be read");
    }

    @Test
    void theIdempotencyFingerprintIsKeyedNotAPlainHash() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        IdempotencyKey idempotency = IdempotencyKey.of("retry-1", ANI, DATA, "default", 60);
        store.allocate(POOL, 0, ANI, DATA, 60, idempotency);

        String stored = redis.fingerprints.get("retry-1");
        assertTrue(stored.matches("[0-9a-f]{64}"), stored);
        assertFalse(stored.equals(idempotency.fingerprint()));
    }

    @Test
    void aRetrySpanningARotationGetsItsOriginalAllocation() {
        IdempotencyKey idempotency = IdempotencyKey.of("retry-2", ANI, DATA, "default", 60);
        new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A))
                .allocate(POOL, 0, ANI, DATA, 60, idempotency);

        CallDataStore rotated = new EncryptedCallDataStore(redis,
                ValueCipher.of(ValueCipherTest.KEY_B).withPrevious(ValueCipherTest.KEY_A));
        assertEquals(new Dnis("5551234500"), rotated.allocate(POOL, 0, ANI, DATA, 60, idempotency));
        IdempotencyKey other = IdempotencyKey.of("retry-2", ANI, new CallData("1"), "default", 60);
        assertThrows(IdempotencyConflictException.class, () -> rotated.allocate(POOL, 0, ANI, DATA, 60, other));
    }

    @Test
    void aRetrySpanningASwitchOnGetsItsOriginalAllocationOnlyWhilePlaintextIsReadable() {
        IdempotencyKey idempotency = IdempotencyKey.of("retry-3", ANI, DATA, "default", 60);
        new EncryptedCallDataStore(redis, ValueCipher.off()).allocate(POOL, 0, ANI, DATA, 60, idempotency);

        assertThrows(IdempotencyConflictException.class, () -> new EncryptedCallDataStore(redis,
                ValueCipher.of(ValueCipherTest.KEY_A)).allocate(POOL, 0, ANI, DATA, 60, idempotency));
        assertEquals(new Dnis("5551234500"), new EncryptedCallDataStore(redis,
                ValueCipher.of(ValueCipherTest.KEY_A).readingPlaintext()).allocate(POOL, 0, ANI, DATA, 60,
                idempotency));
    }
}
