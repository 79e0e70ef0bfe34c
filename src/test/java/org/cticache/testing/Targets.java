package org.cticache.testing;

import java.nio.file.Path;

/** Starts the target a test run is for, named by the system property {@code test.container}. */
public final class Targets {

    private Targets() {
    }

    public static Target start(String name, RedisUnderTest redis) {
        return switch (name) {
            case "embedded" -> new EmbeddedTarget(redis);
            case "tomcat-10.1", "tomcat-11" -> StandaloneTomcat.start(name, home(), standalone(redis),
                    name.equals("tomcat-11"));
            case "jetty-12" -> StandaloneJetty.start(name, home(), standalone(redis));
            default -> throw new IllegalArgumentException("unknown test.container " + name);
        };
    }

    /** The stock containers are configured for one Redis server; the topologies are tested embedded. */
    private static TestRedis standalone(RedisUnderTest redis) {
        if (redis instanceof TestRedis server) {
            return server;
        }
        throw new IllegalArgumentException("the stock containers run against one Redis server, not " + redis);
    }

    private static Path home() {
        String home = System.getProperty("test.container.home");
        if (home == null) {
            throw new IllegalStateException("system property test.container.home is not set; run through mvn verify");
        }
        return Path.of(home);
    }

    /** The built WAR, which every target deploys. */
    static Path war() {
        String war = System.getProperty("test.cticache.war");
        if (war == null || !Path.of(war).toFile().isFile()) {
            throw new IllegalStateException("cticache.war not found (system property test.cticache.war = " + war
                    + "); run the integration tests through mvn verify, which builds it first");
        }
        return Path.of(war);
    }
}
