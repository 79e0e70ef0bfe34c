package org.cticache.it.topology;

import static org.awaitility.Awaitility.await;

import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import java.time.Duration;
import java.util.function.Supplier;
import org.cticache.testing.RedisUnderTest;

/** The service configuration and waits the failover tests share. */
final class Failovers {

    static final int TIMEOUT_MILLIS = 1_000;
    static final int WAIT_MILLIS = 500;
    // One command timeout, one WAIT and one retry's connect, plus slack for a busy 2-core machine.
    static final long BOUND_MILLIS = 2L * TIMEOUT_MILLIS + WAIT_MILLIS + 1_500;
    // Calls the load has acknowledged before the kill, and again once the service serves after it: the outcomes
    // then cover a load running before, during and after the failover.
    static final int CALLS_AROUND = 40;

    private Failovers() {
    }

    /** cticache with a short Redis timeout, acknowledging a POST once that many replicas hold it. */
    static Deployment service(RedisUnderTest redis, int waitReplicas) {
        return Deployment.of(redis)
                .set("cticache.redis.timeout", Integer.toString(TIMEOUT_MILLIS))
                .set("cticache.redis.wait.replicas", Integer.toString(waitReplicas))
                .set("cticache.redis.wait.timeout", Integer.toString(WAIT_MILLIS))
                .start();
    }

    /** Waits until a POST for the caller the supplier names succeeds again, which the service must reach by itself. */
    static void awaitServing(Api api, Supplier<String> anis) {
        await("the service to serve again after the failover").atMost(Duration.ofSeconds(30))
                .until(() -> api.create(anis.get(), "\"probe\"").statusCode() == 201);
    }
}
