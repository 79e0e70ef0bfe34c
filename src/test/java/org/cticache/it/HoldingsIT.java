package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.StoreUnderTest.allocate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.PoolOccupancy;
import org.cticache.store.RedisCallDataStore;
import org.cticache.testing.Numbers;
import org.cticache.testing.StoreUnderTest;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.TestRedis;
import org.cticache.testing.Timely;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The store's bookkeeping of who holds which DNIS, against a real Redis: a caller gets every DNIS once and then
 * 503 until one frees up (taken, expired, cooled down); the counts follow exactly; pools that change between
 * deployments and entries of the earlier layout are never overwritten.
 */
class HoldingsIT {

    // How long the entries given a TTL of 1 s, and the DNIS in a cool-down of 1 s, are sure to stay as they are.
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static TestRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static String prefix() {
        return "holdings-" + Numbers.uniqueAni() + ":";
    }

    @Test
    void aCallerGetsEveryDnisOnceThenIsRefusedUntilOneIsTaken() {
        DnisPool pool = StoreUnderTest.scattered("default", 20);
        try (RedisCallDataStore store = StoreUnderTest.open(redis, prefix(), 0, pool)) {
            Ani ani = new Ani(Numbers.uniqueAni());
            Set<Dnis> held = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                assertTrue(held.add(allocate(store, pool, ani, 60)), "DNIS handed out twice: " + held);
            }
            assertEquals(Set.copyOf(pool.numbers()), held);
            assertThrows(PoolExhaustedException.class, () -> allocate(store, pool, ani, 60));
            Dnis taken = pool.numbers().get(7);
            assertEquals(Optional.of(new CallData("\"v\"")), store.take(new EntryKey(taken, ani)));
            assertEquals(taken, allocate(store, pool, ani, 60));
            assertThrows(PoolExhaustedException.class, () -> allocate(store, pool, ani, 60));
            PoolOccupancy counted = store.occupancy(List.of(pool)).get(0);
            assertEquals(20, counted.live(), counted.toString());
            assertEquals(20, counted.busiest(), counted.toString());
            assertEquals(2, counted.exhaustions(), counted.toString());
            assertEquals(0, counted.noShows(), counted.toString());
        }
    }

    @Test
    void anEntryThatExpiresFreesItsDnisAndCountsAsANoShow() {
        DnisPool pool = DnisPool.parse("default", "5550000001-5550000003");
        // The pool is sure to be full for the caller only until 1 s after its first allocation: a refusal later proves
        // nothing.
        Attempt<Optional<PoolExhaustedException>> full = Timely.observe(ONE_SECOND, () -> {
            RedisCallDataStore store = StoreUnderTest.open(redis, prefix(), 0, pool);
            Ani ani = new Ani(Numbers.uniqueAni());
            for (int i = 0; i < 3; i++) {
                allocate(store, pool, ani, 1);
            }
            Ani other = new Ani(Numbers.uniqueAni());
            allocate(store, pool, other, 60);
            return new Attempt<>(store, ani, List.of(), refusal(store, pool, ani, 1));
        }, Attempt::close);
        try (RedisCallDataStore store = full.store()) {
            Ani ani = full.ani();
            assertTrue(full.seen().isPresent(), "the caller holding every DNIS is refused");
            await("the three entries to count as no-shows").atMost(DEADLINE).untilAsserted(() ->
                    assertEquals(new PoolOccupancy(pool, 1, 1, 3, 1), store.occupancy(List.of(pool)).get(0)));
            allocate(store, pool, ani, 60);
            assertEquals(new PoolOccupancy(pool, 2, 1, 3, 1), store.occupancy(List.of(pool)).get(0));
        }
    }

    @Test
    void aCoolDownKeepsATakenDnisBlockedForThatLong() {
        DnisPool pool = DnisPool.parse("default", "5550000001-5550000002");
        // The DNIS is sure to be cooling only until 1 s after the take: a refusal later proves nothing.
        Attempt<Optional<PoolExhaustedException>> cooling = Timely.observe(ONE_SECOND, () -> {
            RedisCallDataStore store = StoreUnderTest.open(redis, prefix(), 1, pool);
            Ani ani = new Ani(Numbers.uniqueAni());
            Dnis first = allocate(store, pool, ani, 60);
            allocate(store, pool, ani, 60);
            assertTrue(store.take(new EntryKey(first, ani)).isPresent());
            return new Attempt<>(store, ani, List.of(first), refusal(store, pool, ani, 60));
        }, Attempt::close);
        try (RedisCallDataStore store = cooling.store()) {
            Ani ani = cooling.ani();
            Dnis first = cooling.held().get(0);
            assertEquals(1, cooling.seen().orElseThrow(() -> new AssertionError("a cooling DNIS was handed out"))
                    .retryAfterSeconds());
            assertEquals(new PoolOccupancy(pool, 1, 1, 0, 1), store.occupancy(List.of(pool)).get(0));
            Dnis freed = await("the cool-down to end").atMost(DEADLINE).ignoreException(PoolExhaustedException.class)
                    .until(() -> allocate(store, pool, ani, 60), Objects::nonNull);
            assertEquals(first, freed);
        }
    }

    @Test
    void aHeavyCallerIsCountedExactlyAsItsEntriesComeAndGo() {
        DnisPool pool = StoreUnderTest.scattered("default", 40);
        // Ten entries live 1 s: what is counted before they expire is sure only within 1 s of their allocation.
        Attempt<PoolOccupancy> counted = Timely.observe(ONE_SECOND, () -> {
            RedisCallDataStore store = StoreUnderTest.open(redis, prefix(), 0, pool);
            Ani pbx = new Ani(Numbers.uniqueAni());
            List<Dnis> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                held.add(allocate(store, pool, pbx, i < 10 ? 1 : 60));
            }
            for (int i = 10; i < 15; i++) {
                assertTrue(store.take(new EntryKey(held.get(i), pbx)).isPresent());
            }
            assertTrue(store.take(new EntryKey(held.get(10), pbx)).isEmpty(), "a second take finds nothing");
            return new Attempt<>(store, pbx, held, store.occupancy(List.of(pool)).get(0));
        }, Attempt::close);
        try (RedisCallDataStore store = counted.store()) {
            Ani pbx = counted.ani();
            List<Dnis> held = counted.held();
            assertEquals(new PoolOccupancy(pool, 25, 25, 0, 0), counted.seen());
            await("the ten entries to count as no-shows").atMost(DEADLINE).untilAsserted(() ->
                    assertEquals(new PoolOccupancy(pool, 15, 15, 10, 0), store.occupancy(List.of(pool)).get(0)));
            Set<Dnis> again = new HashSet<>(held.subList(15, 30));
            for (int i = 0; i < 25; i++) {
                assertTrue(again.add(allocate(store, pool, pbx, 60)), "DNIS handed out twice");
            }
            assertThrows(PoolExhaustedException.class, () -> allocate(store, pool, pbx, 60));
            assertEquals(new PoolOccupancy(pool, 40, 40, 10, 1), store.occupancy(List.of(pool)).get(0));
        }
    }

    @Test
    void instancesWithDifferentVersionsOfAPoolNeverOverwriteEachOtherAndRemovedNumbersDrain() {
        DnisPool before = DnisPool.parse("default", "5550000001-5550000003");
        DnisPool after = DnisPool.parse("default", "5550000004,5550000003,5550000002");
        String prefix = prefix();
        try (RedisCallDataStore old = StoreUnderTest.open(redis, prefix, 0, before);
             RedisCallDataStore current = StoreUnderTest.open(redis, prefix, 0, after)) {
            Ani ani = new Ani(Numbers.uniqueAni());
            List<Dnis> handed = new ArrayList<>();
            handed.add(old.allocate(before, 0, ani, new CallData("\"old 1\""), 60, null));
            handed.add(current.allocate(after, 0, ani, new CallData("\"new 1\""), 60, null));
            handed.add(old.allocate(before, 0, ani, new CallData("\"old 2\""), 60, null));
            handed.add(current.allocate(after, 0, ani, new CallData("\"new 2\""), 60, null));
            assertEquals(4, Set.copyOf(handed).size(), handed.toString());
            assertThrows(PoolExhaustedException.class,
                    () -> current.allocate(after, 0, ani, new CallData("1"), 60, null));
            assertThrows(PoolExhaustedException.class, () -> old.allocate(before, 0, ani, new CallData("1"), 60, null));
            List<String> values = List.of("\"old 1\"", "\"new 1\"", "\"old 2\"", "\"new 2\"");
            for (int i = 0; i < 4; i++) {
                assertEquals(values.get(i), current.peek(new EntryKey(handed.get(i), ani)).orElseThrow().json());
            }
            EntryKey removed = new EntryKey(new Dnis("5550000001"), ani);
            assertEquals("\"old 1\"", current.take(removed).orElseThrow().json());
            assertThrows(PoolExhaustedException.class, () -> current.allocate(after, 0, ani, new CallData("1"), 60,
                    null), "the new version never had that number");
        }
    }

    @Test
    void entriesOfTheEarlierLayoutStayReadableAndTakeableAndAreNeverOverwritten() {
        DnisPool pool = DnisPool.parse("default", "5550000001-5550000003");
        String prefix = prefix();
        Ani ani = new Ani("5551230001");
        // What the release before wrote: the entry under its key, and a member in the pool's live set.
        String bucket = prefix + "{b" + StoredKeys.bucket(ani.value()) + "}:";
        redis.data().psetex(bucket + ani.value() + ":5550000001", 60_000, "\"earlier\"");
        redis.data().psetex(bucket + ani.value() + ":5550000002", 60_000, "\"earlier too\"");
        redis.data().zadd(bucket + "live:default", System.currentTimeMillis() + 60_000, "5550000001:" + ani.value());
        try (RedisCallDataStore store = StoreUnderTest.open(redis, prefix, 0, pool)) {
            EntryKey first = new EntryKey(new Dnis("5550000001"), ani);
            assertEquals("\"earlier\"", store.peek(first).orElseThrow().json());
            assertEquals("\"earlier\"", store.take(first).orElseThrow().json());
            assertTrue(store.peek(first).isEmpty());
            Dnis fresh = allocate(store, pool, ani, 60);
            Dnis next = allocate(store, pool, ani, 60);
            assertEquals(Set.of(new Dnis("5550000001"), new Dnis("5550000003")), Set.of(fresh, next));
            assertThrows(PoolExhaustedException.class, () -> allocate(store, pool, ani, 60));
            assertEquals("\"earlier too\"", store.peek(new EntryKey(new Dnis("5550000002"), ani)).orElseThrow().json());
            assertEquals(-1L, redis.data().pttl(bucket + "live:default"));
            store.occupancy(List.of(pool));
            assertTrue(redis.data().pttl(bucket + "live:default") > 0, "the earlier layout's set expires");
        }
    }

    @Test
    void instancesSharingAPoolMatchedByDnisRotateTogetherAndNeverHandOutADnisTwice() {
        DnisPool pool = DnisPool.parse("default", "5550000001-5550000009").matchedByDnis();
        String prefix = prefix();
        List<RedisCallDataStore> instances = List.of(StoreUnderTest.open(redis, prefix, 0, pool),
                StoreUnderTest.open(redis, prefix, 0, pool), StoreUnderTest.open(redis, prefix, 0, pool));
        try {
            List<Dnis> byDnis = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                byDnis.add(allocate(instances.get(i % 3), pool, new Ani(Numbers.uniqueAni()), 60));
            }
            assertEquals(pool.numbers(), byDnis, "one rotation, shared");
            assertThrows(PoolExhaustedException.class,
                    () -> allocate(instances.get(0), pool, new Ani(Numbers.uniqueAni()), 60));
            assertTrue(instances.get(1).takeMatchedByDnis(pool, byDnis.get(4), null).isPresent());
            assertEquals(byDnis.get(4), allocate(instances.get(2), pool, new Ani(Numbers.uniqueAni()), 60));
            assertEquals(new PoolOccupancy(pool, 9, 9, 0, 1), instances.get(0).occupancy(List.of(pool)).get(0));
        } finally {
            instances.forEach(RedisCallDataStore::close);
        }
    }

    @Test
    void nothingTheStoreWritesLivesForever() {
        DnisPool pool = StoreUnderTest.scattered("default", 20);
        DnisPool byDnis = DnisPool.parse("bydnis", "5550000001-5550000003").matchedByDnis();
        String prefix = prefix();
        try (RedisCallDataStore store = StoreUnderTest.open(redis, prefix, 1, pool, byDnis)) {
            Ani pbx = new Ani(Numbers.uniqueAni());
            List<Dnis> held = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                held.add(allocate(store, pool, pbx, i < 3 ? 1 : 60));
            }
            store.take(new EntryKey(held.get(5), pbx));
            Ani caller = new Ani(Numbers.uniqueAni());
            store.allocate(pool, 0, caller, new CallData("1"), 60, IdempotencyKey.of("k-" + caller.value(), caller,
                    new CallData("1"), pool.name(), 60));
            Dnis soonGone = allocate(store, byDnis, caller, 1);
            store.takeMatchedByDnis(byDnis, soonGone, null);
            allocate(store, byDnis, caller, 60);
            // What lasts 1 s here (three entries, two cool-downs) comes due by Redis's clock: once it has passed them,
            // occupancy() settles them all.
            long due = redisMillis() + ONE_SECOND.toMillis();
            await("Redis's clock to pass what lasts 1 s").atMost(DEADLINE).until(() -> redisMillis() > due);
            store.occupancy(List.of(pool, byDnis));
            Set<String> keys = redis.data().keys(prefix + "*");
            assertTrue(keys.size() > 10, keys.toString());
            for (String key : keys) {
                // -2 (gone since KEYS listed it) is fine too: an entry given 1 s and its cool-down expire now.
                assertNotEquals(-1L, redis.data().pttl(key), key + " has no expiry");
            }
        }
    }

    /** Redis's own clock, by which entries and cool-downs end. */
    private static long redisMillis() {
        try (Jedis jedis = redis.client()) {
            List<String> time = jedis.time();
            return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
        }
    }

    /** What an allocation was refused with, if it was: asserted on once the attempt is known to have come in time. */
    private static Optional<PoolExhaustedException> refusal(RedisCallDataStore store, DnisPool pool, Ani ani, int ttl) {
        try {
            allocate(store, pool, ani, ttl);
            return Optional.empty();
        } catch (PoolExhaustedException e) {
            return Optional.of(e);
        }
    }

    /** A store on fresh keys, the caller it served, the DNIS it handed out, and what the attempt saw in time. */
    private record Attempt<T>(RedisCallDataStore store, Ani ani, List<Dnis> held, T seen) {

        void close() {
            store.close();
        }
    }

}
