package org.cticache.testing;

/** Starts the Redis topology a test run is for, named by the system property {@code test.redis}. */
final class RedisTopologies {

    private RedisTopologies() {
    }

    static RedisUnderTest start(String name) {
        return switch (name) {
            case "standalone" -> TestRedis.start();
            case "sentinel" -> SentinelRedis.start();
            case "cluster" -> ClusterRedis.start();
            default -> throw new IllegalArgumentException("unknown test.redis " + name);
        };
    }
}
