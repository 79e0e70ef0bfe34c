package org.cticache.store;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The master each pooled connection of a JedisSentinelPool was first used with, so that one opened to a former
 * master is dropped after a failover. Jedis 7.1 drops the idle connections on {@code +switch-master}, and checks
 * the others when they are borrowed again, but against the factory's address, which the switch already changed:
 * the connections in use during the switch would go on talking to the old master as long as it answers (a
 * partition that leaves it reachable, or a demoted master), each call a 503. A connection opened just before a
 * switch and first used after it is not caught; a demoted master's READONLY then breaks it soon after.
 */
final class ConnectionMasters {

    private final Supplier<HostAndPort> currentMaster;
    private final Map<Jedis, HostAndPort> firstUsedWith = Collections.synchronizedMap(new WeakHashMap<>());

    ConnectionMasters(Supplier<HostAndPort> currentMaster) {
        this.currentMaster = currentMaster;
    }

    /** Whether the connection belongs to a master the Sentinels have since replaced. */
    boolean isFormer(Jedis connection) {
        HostAndPort master = currentMaster.get();
        HostAndPort was = firstUsedWith.putIfAbsent(connection, master);
        return was != null && !was.equals(master);
    }
}
