package org.cticache.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.cticache.testing.MemoryCallDataStore;
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

    // Holds the stored forms as Redis does, so that a test can read and tamper with what the store sees.
    private final MemoryCallDataStore redis = new MemoryCallDataStore();

    @Test
    void theStoreSeesOnlyTheSealedValueAndReadsGetTheExactValueBack() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        store.allocate(POOL, 0, ANI, DATA, 60, null);

        String stored = redis.stored("9123456789:5551234500");
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
        redis.plant("9123456789:5551234500", ValueCipherTest.tampered(redis.stored("9123456789:5551234500")));

        String message = assertThrows(UnreadableEntryException.class, () -> store.take(KEY)).getMessage();
        assertTrue(message.contains("5551234500:******6789"), message);
        assertFalse(message.contains(ANI.value()) || message.contains("12345678"), message);
        assertEquals(0, redis.size(), "a take removes the entry even when it cannot be read");
    }

    @Test
    void theIdempotencyFingerprintIsKeyedNotAPlainHash() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        IdempotencyKey idempotency = IdempotencyKey.of("retry-1", ANI, DATA, "default", 60);
        store.allocate(POOL, 0, ANI, DATA, 60, idempotency);

        String stored = redis.fingerprint("retry-1");
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

        redis.plant(ANI.value() + ":" + other.value(), redis.stored(ANI.value() + ":5551234500"));

        assertUnreadable(() -> store.peek(new EntryKey(other, ANI)));
        assertEquals(Optional.of(DATA), store.peek(KEY));
    }

    @Test
    void aValueCopiedToAnotherDnisOrPoolMatchedByDnisDoesNotOpen() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);
        Dnis other = store.allocate(MATCHED_BY_DNIS, 0, ANI, new CallData("1"), 60, null);
        Dnis elsewhere = store.allocate(OTHER_MATCHED_BY_DNIS, 0, ANI, new CallData("2"), 60, null);
        String stored = redis.stored("rewriting:" + dnis.value());

        redis.plant("rewriting:" + other.value(), stored);
        redis.plant("other:" + elsewhere.value(), stored);

        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, other, null));
        assertUnreadable(() -> store.peekMatchedByDnis(OTHER_MATCHED_BY_DNIS, elsewhere, null));
    }

    @Test
    void anAlteredEnvelopeDoesNotOpen() {
        CallDataStore store = new EncryptedCallDataStore(redis, ValueCipher.of(ValueCipherTest.KEY_A));
        Dnis dnis = store.allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);
        Ani other = new Ani("9000000000");

        redis.plant("rewriting:" + dnis.value(), redis.stored("rewriting:" + dnis.value()).replace(ANI.value(),
                other.value()));

        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, dnis, other));
        assertUnreadable(() -> store.peekMatchedByDnis(MATCHED_BY_DNIS, dnis, null));
    }

    @Test
    void aValueSealedForItsCallerAloneBeforeTheUpgradeStillOpens() {
        ValueCipher cipher = ValueCipher.of(ValueCipherTest.KEY_A);
        redis.plant(ANI.value() + ":5551234500", cipher.seal(DATA.json(), "ani:" + ANI.value()));
        redis.plant("rewriting:5551234501", "\0\0" + ANI.value() + "\0" + cipher.seal(DATA.json(),
                "pool:rewriting"));
        CallDataStore store = new EncryptedCallDataStore(redis, cipher);

        assertEquals(Optional.of(DATA), store.peek(KEY));
        assertEquals(Optional.of(DATA), store.peekMatchedByDnis(MATCHED_BY_DNIS, new Dnis("5551234501"), null));
    }

    @Test
    void switchedOffItStoresTheValueAsSent() {
        new EncryptedCallDataStore(redis, ValueCipher.off()).allocate(MATCHED_BY_DNIS, 0, ANI, DATA, 60, null);

        assertEquals("\0\0" + ANI.value() + "\0" + DATA.json(), redis.stored("rewriting:5551234501"));
    }

    private static void assertUnreadable(Executable read) {
        String message = assertThrows(UnreadableEntryException.class, read).getMessage();
        assertTrue(message.contains("another entry"), message);
    }
}
