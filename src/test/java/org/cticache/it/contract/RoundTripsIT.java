package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.cticache.testing.Api;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** Every API call costs exactly one Redis command, counted by Redis itself (INFO commandstats). */
@ExtendWith(SharedDeployment.class)
class RoundTripsIT {

    @Test
    void createPeekAndTakeAreOneRedisCommandEach(Api api, TestRedis redis) {
        String warmAni = Numbers.uniqueAni();
        String warmKey = api.created(warmAni, "0").path("dnis").asText() + ":" + warmAni;
        api.get(warmKey);
        api.delete(warmKey);

        String ani = Numbers.uniqueAni();
        String[] key = new String[1];
        try (Jedis jedis = redis.client()) {
            Map<String, Long> create = commandsDuring(jedis,
                    () -> key[0] = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani);
            // Redis also counts the commands a script runs inside that one call: SET, PTTL on taken DNIS, and the
            // pool's occupancy bookkeeping (TIME, the sorted sets, the stats hash).
            assertEquals(1L, create.get("evalsha"), create.toString());
            assertTrue(Set.of("evalsha", "set", "pttl", "time", "zrangebyscore", "zrem", "hincrby", "zadd", "zincrby",
                    "zrevrange").containsAll(create.keySet()), create.toString());
            assertEquals(Map.of("get", 1L), commandsDuring(jedis, () -> api.get(key[0])));
            Map<String, Long> take = commandsDuring(jedis, () -> api.delete(key[0]));
            assertEquals(1L, take.get("evalsha"), take.toString());
            assertTrue(Set.of("evalsha", "get", "del", "zrem", "zincrby").containsAll(take.keySet()), take.toString());
            assertEquals(Map.of("get", 1L), commandsDuring(jedis, () -> api.get(key[0])), "a miss costs one too");
        }
    }

    /** The commands Redis ran while the call ran, other than the INFO calls that measure them. */
    private static Map<String, Long> commandsDuring(Jedis jedis, Supplier<?> call) {
        Map<String, Long> before = commandCounts(jedis);
        call.get();
        Map<String, Long> after = commandCounts(jedis);
        Map<String, Long> ran = new HashMap<>();
        after.forEach((command, calls) -> {
            long delta = calls - before.getOrDefault(command, 0L);
            if (delta > 0 && !command.equals("info")) {
                ran.put(command, delta);
            }
        });
        return ran;
    }

    private static Map<String, Long> commandCounts(Jedis jedis) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : jedis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String calls = line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
                counts.put(command, Long.parseLong(calls));
            }
        }
        return counts;
    }
}
