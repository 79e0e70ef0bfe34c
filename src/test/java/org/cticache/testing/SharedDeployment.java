package org.cticache.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Redis and one deployment shared by the integration tests that need nothing special, started once per
 * test run and stopped at its end. Tests stay independent by using their own ANIs.
 */
public final class SharedDeployment implements ParameterResolver {

    /** The default pool: 100 numbers. */
    public static final String DEFAULT_POOL = "5551234500-5551234599";
    /** Pool {@code small}: 5 numbers, to exhaust quickly. */
    public static final String SMALL_POOL = "5550000001-5550000005";
    /** Pool {@code intl}: E.164 numbers with '+'. */
    public static final String INTL_POOL = "+4930123400-+4930123409";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == TestRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
        return parameter.getParameter().getType() == Api.class ? running.deployment.api() : running.redis;
    }

    private static final class Running implements AutoCloseable {

        private final TestRedis redis = TestRedis.start();
        private final Deployment deployment = Deployment.of(redis)
                .set("cticache.dnis.pool", DEFAULT_POOL)
                .set("cticache.dnis.pool.small", SMALL_POOL)
                .set("cticache.dnis.pool.intl", INTL_POOL)
                .start();

        @Override
        public void close() {
            deployment.close();
            redis.close();
        }
    }
}
