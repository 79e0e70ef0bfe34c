package org.cticache.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.Jedis;

/** read.lua's argument protocol (the script documents it): a peek or take of one entry. */
final class ReadScript {

    private final LuaScript script = Scripts.READ;

    /** A pool the entry may belong to, and where its DNIS is in the pool's current version. */
    record Candidate(String pool, String version, int position) {
    }

    /** What a read does to the entry. */
    enum Mode {
        PEEK, TAKE,
        /** Undoes an allocation that was never acknowledged, idempotency record included. */
        REMOVE
    }

    /**
     * One read. {@code requiredAni} is "" for any; {@code holder} is the ANI, or "" in a pool matched by DNIS
     * alone; {@code candidates} only matter to a take or removal; {@code sideKey} (may be null) is, for a take,
     * where what it takes is kept for a retry, for a removal the idempotency record to remove with the entry.
     */
    record Request(String statsKey, String entryKey, Mode mode, long cooldownMillis, long horizonMillis,
                   String requiredAni, String holder, List<Candidate> candidates, String sideKey) {

        List<String> keys() {
            return sideKey == null ? List.of(statsKey, entryKey) : List.of(statsKey, entryKey, sideKey);
        }

        List<String> args() {
            List<String> args = new ArrayList<>(List.of(mode.name().toLowerCase(Locale.ROOT),
                    Long.toString(cooldownMillis), requiredAni, holder, Long.toString(horizonMillis)));
            for (Candidate candidate : candidates) {
                args.add(candidate.pool());
                args.add(candidate.version());
                args.add(Integer.toString(candidate.position()));
            }
            return args;
        }
    }

    /** The value, or null when there is no live entry (for that ANI). */
    String run(Jedis jedis, Request request) {
        return (String) script.run(jedis, request.keys(), request.args());
    }
}
