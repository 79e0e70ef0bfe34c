package org.cticache.store;

import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Every script the store runs. Redis forgets them all at once: on a restart, and on a failover to a replica of
 * Redis 7 or later, which is no longer sent SCRIPT LOAD. So they are loaded together, in one round trip, wherever
 * one of them was missing.
 */
final class Scripts {

    static final LuaScript ALLOCATE = LuaScript.fromResources("holdings.lua", "allocate.lua");
    static final LuaScript READ = LuaScript.fromResources("holdings.lua", "read.lua");
    static final LuaScript FILL = LuaScript.fromResources("fill.lua");
    static final LuaScript OCCUPANCY = LuaScript.fromResources("holdings.lua", "occupancy.lua");

    private static final List<LuaScript> ALL = List.of(ALLOCATE, READ, FILL, OCCUPANCY);

    private Scripts() {
    }

    /** Queues the loading of every script on the pipeline, ahead of whatever the caller queues next. */
    static void load(Pipeline pipeline) {
        ALL.forEach(script -> script.load(pipeline));
    }

    /** Loads every script over the connection, in one round trip. */
    static void load(Jedis jedis) {
        try (Pipeline pipeline = jedis.pipelined()) {
            load(pipeline);
        }
    }
}
