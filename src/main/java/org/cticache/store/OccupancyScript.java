package org.cticache.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cticache.core.DnisPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/** occupancy.lua's argument protocol and replies: the counts of pools under one tag. */
final class OccupancyScript {

    private final LuaScript script = Scripts.OCCUPANCY;

    /** One pool's counts under one tag. */
    record Counts(long live, long busiest, long noShows, long exhaustions) {
    }

    /** The pools to count under one tag; lightHoldings as in allocate.lua. */
    record Tag(String statsKey, int lightHoldings, List<DnisPool> pools) {
    }

    /** What one node answered: each tag it serves with its pools' counts in order, and the tags it redirected. */
    record Answers(Map<Tag, List<Counts>> counted, List<Tag> elsewhere) {
    }

    /**
     * Counts the tags in one pipeline on a connection to the master of the first tag. In a cluster the other tags
     * may live on other masters: those come back in {@link Answers#elsewhere()} for a connection to the next. A
     * redirect of the first tag means the slot map is stale, and is thrown for RedisCalls to repair.
     */
    Answers run(Jedis jedis, long cooldownMillis, long horizonMillis, List<Tag> tags) {
        List<LuaScript.Invocation> invocations = new ArrayList<>();
        for (Tag tag : tags) {
            List<String> args = new ArrayList<>(List.of(Long.toString(cooldownMillis),
                    Integer.toString(tag.lightHoldings()), Long.toString(horizonMillis)));
            tag.pools().forEach(pool -> args.add(pool.name()));
            invocations.add(new LuaScript.Invocation(List.of(tag.statsKey()), args));
        }
        List<Object> replies = script.runPipelined(jedis, invocations);
        Map<Tag, List<Counts>> counted = new LinkedHashMap<>();
        List<Tag> elsewhere = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            Object reply = replies.get(i);
            if (reply instanceof JedisRedirectionException && i > 0) {
                elsewhere.add(tags.get(i));
            } else if (reply instanceof RuntimeException failure) {
                throw failure;
            } else {
                counted.put(tags.get(i), ((List<?>) reply).stream().map(counts -> (List<?>) counts)
                        .map(c -> new Counts((Long) c.get(0), (Long) c.get(1), (Long) c.get(2), (Long) c.get(3)))
                        .toList());
            }
        }
        return new Answers(counted, elsewhere);
    }
}
