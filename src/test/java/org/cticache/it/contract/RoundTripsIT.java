package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisCounts;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Target;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Every API call costs exactly one Redis request, and a bounded number of commands in it, counted by Redis itself
 * (INFO commandstats).
 */
@ExtendWith(SharedDeployment.class)
class RoundTripsIT {

    private static final Set<String> SCRIPT_COMMANDS = Set.of("evalsha", "time", "exists", "get", "getrange", "set",
            "del", "pttl", "pexpire", "hget", "hset", "hdel", "hincrby", "zadd", "zrangebyscore", "zrem", "zscore",
            "zrange", "zcard", "setbit", "bitpos");

    @Test
    void createPeekAndTakeAreOneRedisCommandEach(Api api, TestRedis redis, Target target) {
        String warmAni = Numbers.uniqueAni();
        String warmKey = api.created(warmAni, "0").path("dnis").asText() + ":" + warmAni;
        api.get(warmKey);
        api.delete(warmKey);

        String ani = Numbers.uniqueAni();
        String[] key = new String[1];
        try (Jedis jedis = redis.client()) {
            RedisCounts create = RedisCounts.during(jedis,
                    () -> key[0] = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani);
            // Redis also counts the commands a script runs inside that one call: SET NX, and the bookkeeping of
            // who holds which DNIS (TIME, the pool's numbers, the holder's hash field, the counters, the records
            // of what expires when).
            // With encryption on, a second script puts the value sealed for where the entry landed (EntryStore).
            assertEquals(target.cryptoKey() == null ? 1L : 2L, create.calls("evalsha"), create.toString());
            assertTrue(SCRIPT_COMMANDS.containsAll(create.commands().keySet()), create.toString());
            assertTrue(create.total() <= RedisCounts.PER_CALL_MAX, create.toString());
            assertEquals(Map.of("get", 1L), RedisCounts.during(jedis, () -> api.get(key[0])).commands());
            RedisCounts take = RedisCounts.during(jedis, () -> api.delete(key[0]));
            assertEquals(1L, take.calls("evalsha"), take.toString());
            assertTrue(SCRIPT_COMMANDS.containsAll(take.commands().keySet()), take.toString());
            assertEquals(Map.of("get", 1L), RedisCounts.during(jedis, () -> api.get(key[0])).commands(),
                    "a miss costs one too");
        }
    }
}
