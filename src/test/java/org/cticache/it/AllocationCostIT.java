package org.cticache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.PoolExhaustedException;
import org.cticache.store.RedisCallDataStore;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisCounts;
import org.cticache.testing.StoreUnderTest;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * An allocation costs Redis the same whatever the pool's size and spelling, however many DNIS the caller holds,
 * and however many instances share a pool matched by DNIS: counted by Redis itself (commands run, scripts'
 * inner commands included, and bytes received), never timed.
 */
class AllocationCostIT {

    private static final long BYTES_MAX = 4096;
    private static final int SIZE = 10_000;
    private static final CallData VALUE = new CallData("{\"account\":\"12345678\",\"intent\":\"billing\"}");

    private static TestRedis redis;
    private static final Map<String, RedisCounts> REPORT = new LinkedHashMap<>();

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void report() {
        redis.close();
        StringBuilder table = new StringBuilder("Redis per call, as counted by Redis:\n");
        REPORT.forEach((name, counts) -> table.append(String.format("  %-58s %3d commands %5d bytes in  %s%n", name,
                counts.total(), counts.bytesIn(), counts.commands())));
        System.out.print(table);
    }

    private static RedisCounts measured(String name, Runnable call) {
        try (Jedis jedis = redis.client()) {
            RedisCounts counts = RedisCounts.during(jedis, call);
            REPORT.put(name, counts);
            // One request: a script (with the commands it runs), or a single plain command.
            long requests = counts.calls("evalsha") == 1 ? 1 : counts.total();
            assertEquals(1, requests, name + ": one request " + counts);
            assertTrue(counts.total() <= RedisCounts.PER_CALL_MAX, name + ": " + counts);
            assertTrue(counts.bytesIn() <= BYTES_MAX, name + ": " + counts);
            return counts;
        }
    }

    @Test
    void aCallersAllocationCostsTheSameAtAnyShareOfAScatteredPool() {
        DnisPool scattered = StoreUnderTest.scattered("default", SIZE);
        DnisPool range = DnisPool.parse("range", "7100000000-7100009999");
        try (RedisCallDataStore store = StoreUnderTest.open(redis, "cost-" + Numbers.uniqueAni() + ":", 0,
                scattered, range)) {
            // Each pool's numbers go to Redis once, with its first allocation; each script once, with its first use.
            store.allocate(scattered, 0, new Ani(Numbers.uniqueAni()), VALUE, 60, null);
            Ani warm = new Ani(Numbers.uniqueAni());
            store.take(new EntryKey(store.allocate(range, 0, warm, VALUE, 60, null), warm));
            measured("POST, fresh caller, 10,000 as one range", () -> store.allocate(range, 0,
                    new Ani(Numbers.uniqueAni()), VALUE, 60, null));
            Ani pbx = new Ani(Numbers.uniqueAni());
            measured("POST, fresh caller, 10,000 scattered (0% held)", () -> store.allocate(scattered, 0, pbx, VALUE,
                    60, null));
            List<Dnis> held = new ArrayList<>();
            fill(store, scattered, pbx, SIZE / 2 - 1, held);
            measured("POST, caller holds 50%", () -> store.allocate(scattered, 0, pbx, VALUE, 60, null));
            fill(store, scattered, pbx, SIZE * 99 / 100 - SIZE / 2 - 1, held);
            measured("POST, caller holds 99%", () -> store.allocate(scattered, 0, pbx, VALUE, 60, null));
            fill(store, scattered, pbx, SIZE - SIZE * 99 / 100 - 1, held);
            measured("POST, caller holds 100% (503)", () -> assertThrows(PoolExhaustedException.class,
                    () -> store.allocate(scattered, 0, pbx, VALUE, 60, null)));
            EntryKey taken = new EntryKey(held.get(SIZE / 3), pbx);
            measured("DELETE of one of its entries", () -> assertTrue(store.take(taken).isPresent()));
            measured("POST, finds the single free DNIS", () -> assertEquals(taken.dnis(),
                    store.allocate(scattered, 0, pbx, VALUE, 60, null)));
            measured("GET of a live entry", () -> assertTrue(store.peek(taken).isPresent()));
        }
    }

    @Test
    void threeInstancesAllocatingFromOnePoolMatchedByDnisCostTheSameAsOne() {
        DnisPool byDnis = StoreUnderTest.scattered("default", SIZE).matchedByDnis();
        String prefix = "cost-" + Numbers.uniqueAni() + ":";
        List<RedisCallDataStore> instances = List.of(StoreUnderTest.open(redis, prefix, 0, byDnis),
                StoreUnderTest.open(redis, prefix, 0, byDnis), StoreUnderTest.open(redis, prefix, 0, byDnis));
        try {
            for (int i = 0; i < SIZE * 99 / 100; i++) {
                instances.get(i % 3).allocate(byDnis, 0, new Ani(Numbers.uniqueAni()), VALUE, 60, null);
            }
            for (int i = 0; i < 3; i++) {
                RedisCallDataStore instance = instances.get(i);
                measured("POST, pool matched by DNIS 99% in use, instance " + (i + 1),
                        () -> instance.allocate(byDnis, 0, new Ani(Numbers.uniqueAni()), VALUE, 60, null));
            }
        } finally {
            instances.forEach(RedisCallDataStore::close);
        }
    }

    @Test
    void aLiveEntryWithA100ByteValueCostsRedisAtMost350BytesBookkeepingIncluded() {
        DnisPool pool = StoreUnderTest.scattered("default", SIZE);
        CallData hundredBytes = new CallData("\"" + "x".repeat(98) + "\"");
        int entries = 20_000;
        try (RedisCallDataStore store = StoreUnderTest.open(redis, "memory-" + Numbers.uniqueAni() + ":", 0, pool);
             Jedis jedis = redis.client()) {
            long before = usedMemory(jedis);
            for (int i = 0; i < entries; i++) {
                store.allocate(pool, i % SIZE, new Ani(Long.toString(3_000_000_000L + i)), hundredBytes, 600, null);
            }
            long perEntry = (usedMemory(jedis) - before) / entries;
            System.out.println("Redis memory per live entry with a 100-byte value: " + perEntry + " bytes");
            assertTrue(perEntry <= 350, perEntry + " bytes per entry");
        }
    }

    private static long usedMemory(Jedis jedis) {
        return RedisCounts.info(jedis, "memory", "used_memory");
    }

    private static void fill(RedisCallDataStore store, DnisPool pool, Ani ani, int count, List<Dnis> held) {
        for (int i = 0; i < count; i++) {
            held.add(store.allocate(pool, 0, ani, VALUE, 60, null));
        }
    }
}
