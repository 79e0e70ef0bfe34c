package org.cticache.store;

import java.util.List;
import redis.clients.jedis.Jedis;

/** fill.lua: an allocation's reservation replaced with its value (the script documents it). */
final class FillScript {

    private final LuaScript script = Scripts.FILL;

    /** Whether the value replaced the reservation. */
    boolean run(Jedis jedis, String entryKey, String reservation, String entry) {
        return Long.valueOf(1).equals(script.run(jedis, List.of(entryKey), List.of(reservation, entry)));
    }
}
