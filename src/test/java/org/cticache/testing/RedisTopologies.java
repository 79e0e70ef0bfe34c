package org.cticache.testing;

/** Starts the Redis topology a test run is for, named by the system property {@code test.redis}. */
final class RedisTopologies {

    private RedisTopologies() {
    }

    /** The topology; a standalone server requires the password, unless it is null. */
    static RedisUnderTest start(String name, String password) {
        return switch (name) {
            case "standalone" -> TestRedis.startWithPassword(password);
            case "sentinel" -> SentinelRedis.start();
            case "cluster" -> ClusterRedis.start();
            default -> throw new IllegalArgumentException("unknown test.redis " + name);
        };
    }
}
