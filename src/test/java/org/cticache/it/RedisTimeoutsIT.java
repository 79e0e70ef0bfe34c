package org.cticache.it;

import static org.cticache.testing.Problems.assertUnavailableWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.cticache.testing.Api;
import org.cticache.testing.CuttingProxy;
import org.cticache.testing.Deployment;
import org.cticache.testing.LogRecords;
import org.cticache.testing.Numbers;
import org.cticache.testing.SilentAddress;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * Each timeout bounds what it names: a call that needs a new connection while Redis's address does not answer
 * fails after one connect timeout, not two, whatever the command timeout; and start-up says when the round trip
 * to Redis leaves a timeout too little room.
 */
class RedisTimeoutsIT {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    // Generous for a loaded 2-core machine, and still short of the two connect timeouts it once took.
    private static final long BOUND_MILLIS = CONNECT_TIMEOUT_MILLIS * 9 / 5;
    private static final String ROUND_TRIP_LOGGER = "org.cticache.store.RoundTripCheck";

    @Test
    void aCallNeedingANewConnectionDuringASilentPartitionAnswers503WithinOneConnectTimeout() {
        try (SilentAddress silent = SilentAddress.open();
             LogRecords startup = LogRecords.of(ROUND_TRIP_LOGGER, record -> true);
             Deployment service = Deployment.withoutRedis().set("cticache.redis.uri", silent.uri())
                     .set("cticache.redis.connect-timeout", Integer.toString(CONNECT_TIMEOUT_MILLIS))
                     .set("cticache.redis.timeout", "10000").start()) {
            Api api = service.api();
            assertTrue(startup.messages(Level.WARNING).get(0).startsWith("cticache: Redis did not answer at"
                    + " start-up, so the round trip to it is not measured"), startup.messages(Level.WARNING)::toString);

            assertNothingChangedInTime(() -> api.get("5551234500:" + Numbers.uniqueAni()));
            assertNothingChangedInTime(() -> api.create(Numbers.uniqueAni(), "\"partitioned\""));
            assertNothingChangedInTime(() -> api.delete("5551234500:" + Numbers.uniqueAni()));
        }
    }

    @Test
    void startUpWarnsNamingTheTimeoutThatIsCloseToTheRoundTripToRedis() {
        try (TestRedis redis = TestRedis.start(); CuttingProxy proxy = CuttingProxy.to(redis)) {
            // Every answer 110 ms late: a round trip over a quarter of a 400 ms timeout, whatever the machine's load.
            proxy.delayAnswers(Duration.ofMillis(110));
            try (LogRecords startup = LogRecords.of(ROUND_TRIP_LOGGER, record -> true);
                 Deployment service = Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri())
                         .set("cticache.redis.timeout", "400").set("cticache.redis.connect-timeout", "5000")
                         .set("cticache.redis.pool.max-wait", "5000").start()) {
                assertTrue(service.isAvailable(), "deployed");
                List<String> warnings = startup.messages(Level.WARNING);
                assertEquals(1, warnings.size(), warnings::toString);
                assertTrue(warnings.get(0).matches("cticache: round trip to Redis \\d+\\.\\d ms \\(median of 5"
                        + " PINGs\\), more than a quarter of cticache\\.redis\\.timeout \\(400 ms\\): calls will"
                        + " answer 503 when Redis is merely slow; raise it to at least 4 round trips"),
                        warnings.get(0));
            }
        }
    }

    @Test
    void startUpLogsTheRoundTripToRedis() {
        try (TestRedis redis = TestRedis.start();
             LogRecords startup = LogRecords.of(ROUND_TRIP_LOGGER, record -> true);
             Deployment service = Deployment.of(redis).start()) {
            assertTrue(service.isAvailable(), "deployed");
            assertEquals(List.of(), startup.messages(Level.WARNING));
            List<String> infos = startup.messages(Level.INFO);
            assertEquals(1, infos.size(), infos::toString);
            assertTrue(infos.get(0).matches("cticache: round trip to Redis \\d+\\.\\d ms \\(median of 5 PINGs\\)"),
                    infos.get(0));
        }
    }

    private static void assertNothingChangedInTime(Supplier<HttpResponse<String>> call) {
        assertUnavailableWithin(BOUND_MILLIS, "Redis is unreachable or did not answer in time; nothing was changed",
                call);
    }
}
