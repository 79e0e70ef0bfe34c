package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The WAR in an embedded Jetty inside the test JVM: quick to start, and the tests can reach into it. */
final class EmbeddedTarget implements Target {

    private final Deployment deployment;

    EmbeddedTarget(RedisUnderTest redis) {
        deployment = Deployment.of(redis)
                .set("cticache.dnis.pool", ContractSettings.DEFAULT_POOL)
                .set("cticache.dnis.pool.small", ContractSettings.SMALL_POOL)
                .set("cticache.dnis.pool.intl", ContractSettings.INTL_POOL)
                .set("cticache.ttl.default", Integer.toString(ContractSettings.TTL_DEFAULT))
                .start();
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Api api() {
        return deployment.api();
    }

    @Override
    public Api plainApi() {
        return deployment.api();
    }

    /** This JVM's log file, where the embedded Jetty and cticache log too. */
    @Override
    public String log() {
        try {
            return Files.readString(TestLogFile.FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean tlsRequired() {
        return false;
    }

    @Override
    public void close() {
        deployment.close();
    }
}
