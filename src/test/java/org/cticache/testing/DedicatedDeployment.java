package org.cticache.testing;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis and a deployment of the test class's own, for settings the shared deployment does not have; register
 * it as a static {@code @RegisterExtension} field.
 */
public final class DedicatedDeployment implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<Deployment.Builder> settings;
    private TestRedis redis;
    private Deployment deployment;

    private DedicatedDeployment(UnaryOperator<Deployment.Builder> settings) {
        this.settings = settings;
    }

    /** A deployment with these settings on top of the default pool and a fresh Redis. */
    public static DedicatedDeployment with(UnaryOperator<Deployment.Builder> settings) {
        return new DedicatedDeployment(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = TestRedis.start();
        deployment = settings.apply(Deployment.of(redis)).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        deployment.close();
        redis.close();
    }

    public Api api() {
        return deployment.api();
    }

    public TestRedis redis() {
        return redis;
    }
}
