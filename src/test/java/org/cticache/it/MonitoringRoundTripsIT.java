package org.cticache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.LatencyProxy;
import org.cticache.testing.Scrape;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A /pools call and a /metrics scrape cost Redis one round trip, or two when the connection sat idle and is
 * checked first, however many pools there are and whatever their buckets: counted on a relay that holds each
 * request {@value #ROUND_TRIP_MILLIS} ms, as a distant Redis would. Counted one by one, the 64 buckets alone would
 * take 64.
 */
class MonitoringRoundTripsIT {

    private static final long ROUND_TRIP_MILLIS = 100;
    private static final long MOST_ROUND_TRIPS = 2;
    private static final int NAMED_POOLS = 20;
    private static final int POOLS_MATCHED_BY_DNIS = 5;

    private static TestRedis redis;
    private static LatencyProxy proxy;
    private static Deployment onePool;
    private static Deployment manyPools;

    @BeforeAll
    static void start() {
        redis = TestRedis.start();
        proxy = LatencyProxy.to(redis, Duration.ofMillis(ROUND_TRIP_MILLIS));
        // Without the pool's background PINGs, which would count as round trips of whatever call they fell in.
        onePool = Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri())
                .set("cticache.redis.pool.idle-check", "0").set("cticache.redis.prefix", "one:").start();
        Deployment.Builder many = Deployment.withoutRedis().set("cticache.redis.uri", proxy.uri())
                .set("cticache.redis.pool.idle-check", "0").set("cticache.redis.prefix", "many:");
        for (int i = 0; i < NAMED_POOLS; i++) {
            String name = "p" + i;
            many.set("cticache.dnis.pool." + name, String.format("55560%02d000-55560%02d009", i, i));
            if (i < POOLS_MATCHED_BY_DNIS) {
                many.set("cticache.match." + name, "dnis");
            }
        }
        manyPools = many.start();
    }

    @AfterAll
    static void stop() {
        manyPools.close();
        onePool.close();
        proxy.close();
        redis.close();
    }

    @Test
    void poolsCostsAsFewRoundTripsWithManyPoolsAsWithOne() {
        Function<Api, HttpResponse<String>> pools = api -> api.send(api.request("pools").GET(), Deployment.MONITOR);
        LatencyProxy.Measured one = measured(onePool.api(), api -> {
            HttpResponse<String> response = pools.apply(api);
            assertEquals(1, Api.json(response).path("pools").size(), response.body());
        });
        LatencyProxy.Measured many = measured(manyPools.api(), api -> {
            HttpResponse<String> response = pools.apply(api);
            assertEquals(NAMED_POOLS + 1, Api.json(response).path("pools").size(), response.body());
        });
        System.out.printf("GET /pools at %d ms RTT: one pool %s; %d pools, %d matched by DNIS, %s%n",
                ROUND_TRIP_MILLIS, one, NAMED_POOLS + 1, POOLS_MATCHED_BY_DNIS, many);
        assertTrue(one.roundTrips() <= MOST_ROUND_TRIPS, "one pool: " + one);
        assertTrue(many.roundTrips() <= MOST_ROUND_TRIPS, "many pools: " + many);
    }

    @Test
    void aScrapeCostsAsFewRoundTripsWithManyPoolsAsWithOne() {
        LatencyProxy.Measured one = measured(onePool.api(), api -> assertCounted(Scrape.of(api), "default"));
        LatencyProxy.Measured many = measured(manyPools.api(), api -> {
            Scrape scrape = Scrape.of(api);
            for (int i = 0; i < NAMED_POOLS; i++) {
                assertCounted(scrape, "p" + i);
            }
        });
        System.out.printf("GET /metrics at %d ms RTT: one pool %s; %d pools, %d matched by DNIS, %s%n",
                ROUND_TRIP_MILLIS, one, NAMED_POOLS + 1, POOLS_MATCHED_BY_DNIS, many);
        assertTrue(one.roundTrips() <= MOST_ROUND_TRIPS, "one pool: " + one);
        assertTrue(many.roundTrips() <= MOST_ROUND_TRIPS, "many pools: " + many);
    }

    /** The second call of the check: the first may load the scripts into Redis. */
    private static LatencyProxy.Measured measured(Api api, Consumer<Api> check) {
        check.accept(api);
        return proxy.during(() -> check.accept(api));
    }

    private static void assertCounted(Scrape scrape, String pool) {
        assertFalse(Double.isNaN(scrape.value("cticache_pool_live{pool=\"" + pool + "\"}")), pool);
    }
}
