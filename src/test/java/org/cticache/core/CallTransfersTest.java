package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cticache.testing.MemoryCallDataStore;
import org.junit.jupiter.api.Test;

/** The transfer's rules over the store port: rotation, exhaustion, idempotency, peek and take, TTL, pools. */
class CallTransfersTest {

    private static final DnisPool DEFAULT = DnisPool.parse(DnisPools.DEFAULT, "5551234500-5551234504");
    private static final DnisPool SMALL = DnisPool.parse("small", "5550000001-5550000002");
    private static final DnisPool REWRITING = DnisPool.parse("rewriting", "5550000011-5550000013").matchedByDnis();
    private static final Ani CALLER = new Ani("9123456789");
    private static final CallData DATA = new CallData("{\"account\":\"4711\"}");

    private final MemoryCallDataStore store = new MemoryCallDataStore();
    private final CallTransfers transfers = new CallTransfers(store,
            new DnisPools(DEFAULT, Map.of("small", SMALL, "rewriting", REWRITING)), new TtlPolicy(60, 3600));

    @Test
    void successiveAllocationsRotateThroughThePoolWhateverTheCaller() {
        List<Dnis> handedOut = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            handedOut.add(create(new Ani("91234567" + (10 + i)), null).key().dnis());
        }

        assertEquals(List.of(dnis(0), dnis(1), dnis(2), dnis(3), dnis(4), dnis(0), dnis(1)), handedOut);
    }

    @Test
    void aCallerHoldingTheNextDnisGetsTheFirstFreeOneAndTheRotationGoesOnAfterIt() {
        Ani other = new Ani("9000000001");
        create(CALLER, null);
        create(CALLER, null);
        create(CALLER, null);
        create(other, null);
        create(other, null);

        // The rotation is back at 5551234500, but the caller holds 00 to 02.
        assertEquals(dnis(3), create(CALLER, null).key().dnis());
        assertEquals(dnis(4), create(new Ani("9000000002"), null).key().dnis(), "the rotation goes on after 03");
    }

    @Test
    void eachPoolRotatesOnItsOwn() {
        assertEquals(dnis(0), create(CALLER, null).key().dnis());
        assertEquals(new Dnis("5550000001"), create(new Ani("9000000001"), "small").key().dnis());
        assertEquals(dnis(1), create(new Ani("9000000002"), null).key().dnis());
    }

    @Test
    void aCallerHoldingEveryDnisIsRefusedUntilTheFirstEntryExpiresWhileOthersAreServed() {
        create(CALLER, "small");
        store.advance(Duration.ofSeconds(20));
        create(CALLER, "small");

        PoolExhaustedException refused = assertThrows(PoolExhaustedException.class, () -> create(CALLER, "small"));
        assertEquals(40, refused.retryAfterSeconds(), "the first entry has 40 of its 60 seconds left");
        assertTrue(refused.getMessage().contains("pool 'small' (2 numbers)"), refused.getMessage());
        assertEquals(2, store.size(), "nothing more was stored");
        assertTrue(SMALL.numbers().contains(create(new Ani("9000000001"), "small").key().dnis()),
                "exhaustion is per caller");

        store.advance(Duration.ofSeconds(40));
        assertEquals(new Dnis("5550000001"), create(CALLER, "small").key().dnis(), "free again once it expired");
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheOriginalAllocationAndStoresNothingMore() {
        Allocation first = transfers.create(CALLER, DATA, null, null, "retry-1");
        create(new Ani("9000000001"), null);
        Allocation retry = transfers.create(CALLER, DATA, null, null, "retry-1");

        assertEquals(first, retry);
        assertEquals(2, store.size());
        assertNotEquals(first.key().dnis(), create(CALLER, null).key().dnis(), "a new request gets a new DNIS");
    }

    @Test
    void anIdempotencyKeyUsedForAnotherRequestIsAConflict() {
        transfers.create(CALLER, DATA, null, null, "retry-2");

        assertThrows(IdempotencyConflictException.class,
                () -> transfers.create(CALLER, new CallData("1"), null, null, "retry-2"));
        assertThrows(IdempotencyConflictException.class,
                () -> transfers.create(new Ani("9000000001"), DATA, null, null, "retry-2"));
        assertThrows(IdempotencyConflictException.class,
                () -> transfers.create(CALLER, DATA, "small", null, "retry-2"));
        assertThrows(IdempotencyConflictException.class, () -> transfers.create(CALLER, DATA, null, 61L, "retry-2"));
        assertEquals(1, store.size());
    }

    @Test
    void peekLeavesTheEntryAndTakeConsumesItOnce() {
        EntryKey key = create(CALLER, null).key();

        assertEquals(DATA, transfers.peek(key));
        assertEquals(DATA, transfers.peek(key));
        assertEquals(DATA, transfers.take(key, null));
        assertThrows(EntryNotFoundException.class, () -> transfers.take(key, null));
        assertThrows(EntryNotFoundException.class, () -> transfers.peek(key));
    }

    @Test
    void aTakeRetriedWithItsRetryKeyGetsTheValueAgainAndNoOtherTakeDoes() {
        EntryKey key = create(CALLER, null).key();

        assertEquals(DATA, transfers.take(key, "take-1"));
        assertEquals(DATA, transfers.take(key, "take-1"));
        assertThrows(EntryNotFoundException.class, () -> transfers.take(key, "take-2"));
        assertThrows(EntryNotFoundException.class, () -> transfers.take(key, null));
    }

    @Test
    void anEntryIsOnlyForItsOwnCaller() {
        EntryKey key = create(CALLER, null).key();

        EntryNotFoundException missing = assertThrows(EntryNotFoundException.class,
                () -> transfers.peek(new EntryKey(key.dnis(), new Ani("9000000001"))));
        assertTrue(missing.getMessage().contains(key.dnis() + ":9000000001"), missing.getMessage());
        assertThrows(EntryNotFoundException.class, () -> transfers.peek(key.dnis()), "not a pool matched by DNIS");
    }

    @Test
    void aPoolMatchedByDnisRoutesPeekAndTakeByTheDnisAlone() {
        Dnis dnis = create(CALLER, "rewriting").key().dnis();

        assertEquals(DATA, transfers.peek(dnis));
        assertEquals(DATA, transfers.peek(new EntryKey(dnis, CALLER)), "by key, the DNIS finds its pool");
        assertThrows(EntryNotFoundException.class, () -> transfers.peek(new EntryKey(dnis, new Ani("9000000001"))),
                "by key, the ANI must still be the caller's");
        assertEquals(DATA, transfers.take(dnis, null));
        assertThrows(EntryNotFoundException.class, () -> transfers.peek(dnis));
    }

    @Test
    void aPoolMatchedByDnisHoldsOneEntryPerDnisWhateverTheCaller() {
        List<Dnis> handedOut = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handedOut.add(create(new Ani("900000000" + i), "rewriting").key().dnis());
        }

        assertEquals(REWRITING.numbers(), handedOut);
        assertThrows(PoolExhaustedException.class, () -> create(new Ani("9000000009"), "rewriting"));
        transfers.take(handedOut.get(1), null);
        assertEquals(handedOut.get(1), create(new Ani("9000000009"), "rewriting").key().dnis());
    }

    @Test
    void anUnknownPoolIsRefusedNamingTheConfiguredOnesAndPoolNamesIgnoreCase() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> create(CALLER, "nosuch"));

        assertTrue(refused.getMessage().contains("pool 'nosuch' is not configured; configured pools: [default,"
                + " rewriting, small]"), refused.getMessage());
        assertEquals(0, store.size());
        assertEquals("small", create(CALLER, "SMALL").pool());
    }

    @Test
    void withoutTtlAnEntryLivesTheDefaultAndThenItsDnisIsFreeAgain() {
        Allocation allocation = create(CALLER, null);
        assertEquals(60, allocation.ttlSeconds());

        store.advance(Duration.ofSeconds(59));
        assertEquals(DATA, transfers.peek(allocation.key()));
        store.advance(Duration.ofSeconds(1));
        assertThrows(EntryNotFoundException.class, () -> transfers.peek(allocation.key()));
    }

    @Test
    void aRequestedTtlIsHowLongTheEntryLivesWithinTheMaximum() {
        Allocation allocation = transfers.create(CALLER, DATA, null, 3600L, null);
        assertEquals(3600, allocation.ttlSeconds());
        store.advance(Duration.ofSeconds(3599));
        assertEquals(DATA, transfers.peek(allocation.key()));

        for (long outOfRange : new long[] {0, -1, 3601}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> transfers.create(CALLER, DATA, null, outOfRange, null));
            assertTrue(refused.getMessage().contains("ttl " + outOfRange + " is out of range"), refused.getMessage());
        }
        assertEquals(1, store.size());
    }

    @Test
    void theStoreSaysWhetherItIsUp() {
        assertTrue(transfers.isStoreUp());
        store.down();

        assertFalse(transfers.isStoreUp());
        assertThrows(StoreUnavailableException.class, () -> create(CALLER, null));
    }

    private Allocation create(Ani ani, String pool) {
        return transfers.create(ani, DATA, pool, null, null);
    }

    private static Dnis dnis(int position) {
        return DEFAULT.numbers().get(position);
    }
}
