package org.cticache.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.PoolEvents;
import org.cticache.store.CallTiming;
import org.cticache.store.RedisCallDataStore;
import org.cticache.store.RedisOptions;
import org.cticache.store.RedisTopology;

/** The Redis store as a deployment builds it, on a test's Redis server, for tests below the HTTP edge. */
public final class StoreUnderTest {

    private StoreUnderTest() {
    }

    /** A store of these pools (the first is the default) on a standalone Redis. */
    public static RedisCallDataStore open(TestRedis redis, String prefix, int cooldownSeconds, DnisPool... pools) {
        Map<String, DnisPool> named = new java.util.HashMap<>();
        for (int i = 1; i < pools.length; i++) {
            named.put(pools[i].name(), pools[i]);
        }
        RedisOptions options = new RedisOptions(RedisTopology.STANDALONE, "127.0.0.1", redis.port(), null, null, 0,
                false, 2000, 2000, 2000, 8, 8, 0, 0, 0, 0);
        return RedisCallDataStore.open(options, prefix, new DnisPools(pools[0], named), PoolEvents.NONE,
                (CallTiming.Call call, long nanos) -> { }, cooldownSeconds, 3600);
    }

    /** A pool of `size` numbers that are not one range: every other number of a block, shuffled by stride. */
    public static DnisPool scattered(String name, int size) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            numbers.add(Long.toString(7_000_000_000L + (i * 7919L) % (size * 2L) * 2 + 1));
        }
        return DnisPool.parse(name, String.join(",", numbers));
    }

    public static Dnis allocate(RedisCallDataStore store, DnisPool pool, Ani ani, int ttlSeconds) {
        return store.allocate(pool, 0, ani, new CallData("\"v\""), ttlSeconds, null);
    }
}
