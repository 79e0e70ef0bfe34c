package org.cticache.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Redis and one target shared by the contract tests, started once per test run and stopped at its end. The
 * system property {@code test.container} picks the target (embedded Jetty, stock Tomcat 10.1 or 11, stock
 * Jetty 12) and {@code test.redis} the Redis topology (standalone, sentinel, cluster), so the same tests run
 * against each. Tests stay independent by using their own ANIs.
 */
public final class SharedDeployment implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == TestRedis.class || type == RedisUnderTest.class || type == Target.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == Api.class) {
            return running.target.api();
        }
        if (type == TestRedis.class && !(running.redis instanceof TestRedis)) {
            throw new ParameterResolutionException("this run's Redis is a " + running.redis.getClass().getSimpleName()
                    + ", not one server; tests of server internals run against one server only");
        }
        return type == Target.class ? running.target : running.redis;
    }

    private static final class Running implements AutoCloseable {

        private final String container = System.getProperty("test.container", "embedded");
        // The stock containers get their Redis password the way the guides give it, which the log test then
        // searches every log and process listing for.
        private final RedisUnderTest redis = RedisTopologies.start(System.getProperty("test.redis", "standalone"),
                container.equals("embedded") ? null : Planted.REDIS_PASSWORD);
        private final Target target = Targets.start(container, redis);

        @Override
        public void close() {
            target.close();
            redis.close();
        }
    }
}
