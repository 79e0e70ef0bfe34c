package org.cticache.store;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/** occupancy.lua's argument protocol and replies: the counts of pools under one tag. */
final class OccupancyScript {

    private final LuaScript script = LuaScript.fromResources("holdings.lua", "occupancy.lua");

    /** One pool's counts under one tag. */
    record Counts(long live, long busiest, long noShows, long exhaustions) {
    }

    /** The counts of the named pools, in their order; the other arguments as in allocate.lua. */
    List<Counts> run(Jedis jedis, String statsKey, long cooldownMillis, int lightHoldings, long horizonMillis,
                     List<String> pools) {
        List<String> args = new ArrayList<>(List.of(Long.toString(cooldownMillis), Integer.toString(lightHoldings),
                Long.toString(horizonMillis)));
        args.addAll(pools);
        List<?> reply = (List<?>) script.run(jedis, List.of(statsKey), args);
        return reply.stream().map(counts -> (List<?>) counts)
                .map(c -> new Counts((Long) c.get(0), (Long) c.get(1), (Long) c.get(2), (Long) c.get(3))).toList();
    }
}
