package org.cticache.store;

import java.util.List;

/**
 * Which kind of Redis deployment the store talks to: one server (the address of cticache.redis.uri), a master
 * guarded by Sentinels, or a Redis Cluster reached through seed nodes.
 */
public record RedisTopology(Mode mode, List<RedisAddress> nodes, String sentinelMaster, String sentinelUser,
                            String sentinelPassword) {

    /** The value of cticache.redis.mode. */
    public enum Mode { STANDALONE, SENTINEL, CLUSTER }

    public static final RedisTopology STANDALONE = new RedisTopology(Mode.STANDALONE, List.of(), null, null, null);

    public RedisTopology {
        nodes = List.copyOf(nodes);
    }

    public static RedisTopology sentinel(List<RedisAddress> sentinels, String master, String user, String password) {
        return new RedisTopology(Mode.SENTINEL, sentinels, master, user, password);
    }

    public static RedisTopology cluster(List<RedisAddress> seeds) {
        return new RedisTopology(Mode.CLUSTER, seeds, null, null, null);
    }

    /** For logs: never a password. */
    @Override
    public String toString() {
        return switch (mode) {
            case STANDALONE -> "standalone";
            case SENTINEL -> "sentinel master '" + sentinelMaster + "' via " + nodes;
            case CLUSTER -> "cluster via " + nodes;
        };
    }
}
