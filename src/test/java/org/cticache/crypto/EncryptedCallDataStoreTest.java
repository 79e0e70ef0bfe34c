package org.cticache.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.EntryStore;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.Placement;
import org.cticache.core.StoredValue;
import org.cticache.core.UnreadableEntryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EncryptedCallDataStoreTest {

    private static final DnisPool POOL = DnisPool.parse("default", "5551234500,5551234502");
    private static final DnisPool MATCHED_BY_DNIS =
            DnisPool.parse("rewriting", "5551234501,5551234503").matchedByDnis();
    private static final DnisPool OTHER_MATCHED_BY_DNIS = DnisPool.parse("other", "5551234504").matchedByDnis();
    private static final Ani ANI = new Ani("9123456789");
    private static final CallData DATA = new CallData("{\"account\":\"12345678\"}");
    private static final EntryKey KEY = new EntryKey(new Dnis("5551234500"), ANI);

    /**
     * Entries under their keys, a pool matched by DNIS alone keeping the ANI in an envelope, and one fingerprint
     * per idempotency key, as the Redis scripts keep them.
     */
    private static final class MemoryStore implements EntryStore {

        final Map<String, String> values = new HashMap<>();
        final Map<String, String> fingerprints = new HashMap<>();

        static String key(DnisPool byDnis, Dnis dnis, Ani ani) {
            return byDnis != null ? byDnis.name() + ":" + dnis.value() : ani.value() + ":" + dnis.value();
        }

        @Override
        public Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                             IdempotencyKey idempotency) {
            return allocate(pool, start, ani, placement -> data, ttlSeconds, idempotency);
        }

        @Override
        public Dnis allocate(DnisPool pool, int start, Ani ani, Function<Placement, CallData> value, int ttlSeconds,
                             IdempotencyKey idempotency) {
            DnisPool byDnis = pool.isMatchedByDnis() ? pool : null;
            if (idempotency != null) {
                String earlier = fingerprints.putIfAbsent(idempotency.key(), idempotency.fingerprint());
                if (earlier != null && !earlier.equals(idempotency.fingerprint())) {
                    throw new IdempotencyConflictException(idempotency.key());
                }
                if (earlier != null) {
                    return pool.numbers().get(0);
                }
            }
            Dnis dnis = pool.numbers().stream().filter(d -> !values.containsKey(key(byDnis, d, ani))).findFirst()
                    .orElseThrow();
            String envelope = byDnis != null ? "\0\0" + ani.value() + "\0" : "";
            values.put(key(byDnis, dnis, ani), envelope + value.apply(new Placement(dnis, envelope)).json());
            return dnis;
        }

        @Override
        public Optional<StoredValue> read(DnisPool byDnis, Dnis dnis, Ani ani, boolean take, String retryKey) {
            String key = key(byDnis, dnis, ani);
            String stored = values.get(key);
            if (stored == null) {
                return Optional.empty();
            }
            int value = byDnis != null ? stored.indexOf('\0', 2) + 1 : 0;
            if (byDnis != null && ani != null && !stored.substring(2, value - 1).equals(ani.value())) {
                return Optional.empty();
            }
            if (take) {
                values.remove(key);
            }
            return Optional.of(new StoredValue(new CallData(stored.substring(value)), stored.substring(0, value)));
        }

        @Override
        public Optional<CallData> peek(EntryKey key) {
            return read(null, key.dnis(), key.ani(), false, null).map(StoredValue::data);
        }

        @Override
        public Optional<CallData> take(EntryKey key, String retryKey) {
            return read(null, key.dnis(), key.ani(), true, retryKey).map(StoredValue::data);
        }

        @Override
        public Optional<CallData> peekMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani) {
            return read(pool, dnis, ani, false, null).map(StoredValue::data);
        }

        @Override
        public Optional<CallData> takeMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani, String retryKey) {
            return read(pool, dnis, ani, true, retryKey).map(StoredValue::data);
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

        String stored = redis.values.get("9123456789:5551234500");
        assertEquals(ValueCipher.MARKER, stored.charAt(0));
        assertFalse(stored.contains("12345678"), stored);
        assertEquals(Optional.of(DATA), store.peek(KEY));
        assertEquals(Optional.of(DATA), store.take(KEY));
        assertEquals(Optional.empty(), store.peek(KEY));
    }

    @Test
    void aPoolMatchedByDnisReadsWithoutTheAni() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);

        assertEquals(Optional.of(DATA), store.peekMatchedByDnis(MATCHED_BY_DNIS, dnis, null));
        assertEquals(Optional.of(DATA), store.takeMatchedByDnis(MATCHED_BY_DNIS, dnis, ANI));
    }

    @Test
    void anUnreadableEntryNamesTheEntryWithoutTheFullAniOrTheValue() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        store.allocate(POOL, 0, ANI, DATA, 60, null);
        redis.values.computeIfPresent("9123456789:5551234500", (dnis, stored) -> ValueCipherTest.tampered(stored));

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

    @Test
    void aValueCopiedToAnotherDnisOfTheSameCallerDoesNotOpen() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        store.allocate(POOL, 0, ANI, DATA, 60, null);
        Dnis other = store.allocate(POOL, 0, ANI, new CallData("1"), 60, null);

        redis.values.put(ANI.value() + ":" + other.value(), redis.values.get(ANI.value() + ":5551234500"));

        assertUnreadable(() -> store.peek(new EntryKey(other, ANI)));
        assertEquals(Optional.of(DATA), store.peek(KEY));
    }

    @Test
    void aValueCopiedToAnotherDnisOrPoolMatchedByDnisDoesNotOpen() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);
        Dnis other = store.allocate(MATCHED_BY_DNIS, 0, ANI, new CallData("1"), 60, null);
        Dnis elsewhere = store.allocate(OTHER_MATCHED_BY_DNIS, 0, ANI, new CallData("2"), 60, null);
        String stored = redis.values.get("rewriting:" + dnis.value());

        redis.values.put("rewriting:" + other.value(), stored);
        redis.values.put("other:" + elsewhere.value(), stored);

        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, other, null));
        assertUnreadable(() -> store.peekMatchedByDnis(OTHER_MATCHED_BY_DNIS, elsewhere, null));
    }

    @Test
    void anAlteredEnvelopeDoesNotOpen() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);
        Ani other = new Ani("9000000000");

        redis.values.computeIfPresent("rewriting:" + dnis.value(), (key, stored) -> stored.replace(ANI.value(),
                other.value()));

        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, dnis, other));
        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, dnis, null));
    }

    @Test
    void aValueSealedForItsCallerAloneBeforeTheUpgradeStillOpens() {
        ValueCipher cipher = ValueCipher.of(ValueCipherTest.KEY_A);
        redis.values.put(ANI.value() + ":5551234500", cipher.seal(DATA.json(), "ani:" + ANI.value()));
        redis.values.put("rewriting:5551234501", "\0\0" + ANI.value() + "\0" + cipher.seal(DATA.json(),
                "pool:rewriting"));
        CallDataStore store = new EncryptedCallDataStore(redis, cipher);

        assertEquals(Optional.of(DATA), store.peek(KEY));
        assertEquals(Optional.of(DATA), store.peekMatchedByDnis(MATCHED_BY_DNIS, new Dnis("5551234501"), null));
    }

    @Test
    void switchedOffItStoresTheValueAsSent() {
        new EncryptedCallDataStore(redis, ValueCipher.off()).allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);

        assertEquals("\0\0" + ANI.value() + "\0" + DATA.json(), redis.values.get("rewriting:5551234501"));
    }

    private static void assertUnreadable(Executable read) {
        String message = assertThrows(UnreadableEntryException.class, read).getMessage();
        assertTrue(message.contains("another entry"), message);
    }
}
