package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.LogRecords;
import org.cticache.testing.Numbers;
import org.cticache.testing.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /pools and the pool meters count exactly what a known load did: allocations, exhaustions, takes, no-shows;
 * the counts live in Redis, so every instance sharing it shows the same; a crossing of cticache.pool.warn is
 * logged once.
 */
class PoolOccupancyIT {

    private static final UnaryOperator<Deployment.Builder> SETTINGS = service -> service
            .set("cticache.dnis.pool", "5550000001-5550000010")
            .set("cticache.dnis.pool.small", "5550000101-5550000104")
            .set("cticache.dnis.pool.bydnis", "5550000201-5550000202")
            .set("cticache.match.bydnis", "dnis")
            .set("cticache.pool.warn", "50");

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(SETTINGS);

    private final Api api = SERVICE.api();

    @Test
    void poolsAndMetricsCountAKnownLoadExactly() {
        JsonNode before = pool(api, "default");
        Scrape scraped = Scrape.of(api);
        for (int caller = 0; caller < 4; caller++) {
            String ani = Numbers.uniqueAni();
            for (int call = 0; call < 3; call++) {
                api.created(ani, "\"kept\"");
            }
        }
        String noShow = Numbers.uniqueAni();
        for (int call = 0; call < 3; call++) {
            assertEquals(201, api.create("{\"value\":\"gone\",\"ani\":\"" + noShow + "\",\"ttl\":1}").statusCode());
        }
        String pbx = Numbers.uniqueAni();
        List<String> pbxKeys = new ArrayList<>();
        for (int call = 0; call < 10; call++) {
            pbxKeys.add(api.created(pbx, "\"pbx\"").path("dnis").asText() + ":" + pbx);
        }
        assertProblem(api.create(pbx, "\"one too many\""), 503, "");
        assertProblem(api.create(pbx, "\"and another\""), 503, "");
        assertEquals(200, api.delete(pbxKeys.get(0)).statusCode());
        assertEquals(200, api.delete(pbxKeys.get(1)).statusCode());
        assertEquals(200, api.get(pbxKeys.get(2)).statusCode());
        assertProblem(api.delete(pbxKeys.get(0)), 404, "");
        long noShows = before.path("noShows").asLong() + 3;
        JsonNode pool = await("the three entries given 1 s to count as no-shows").atMost(Duration.ofSeconds(10))
                .until(() -> pool(api, "default"), counted -> counted.path("noShows").asLong() >= noShows);

        // Other tests of this class use the default pool too, but leave nothing live in it.
        assertEquals(10, pool.path("size").asInt());
        assertEquals(before.path("live").asLong() + 12 + 10 - 2, pool.path("live").asLong(), pool.toString());
        assertEquals(0.8, pool.path("utilisation").asDouble(), pool.toString());
        assertEquals(before.path("exhaustions").asLong() + 2, pool.path("exhaustions").asLong(), pool.toString());
        assertEquals(before.path("noShows").asLong() + 3, pool.path("noShows").asLong(), pool.toString());

        Scrape scrape = Scrape.of(api);
        assertEquals(12 + 3 + 10, delta(scraped, scrape, "cticache_allocations_total{pool=\"default\"}"));
        assertEquals(2, delta(scraped, scrape, "cticache_exhaustions_total{pool=\"default\"}"));
        assertEquals(20, delta(scraped, scrape, "cticache_pool_live{pool=\"default\"}"));
        assertEquals(3, delta(scraped, scrape, "cticache_pool_noshows_total{pool=\"default\"}"));
        assertEquals(0.8, scrape.value("cticache_pool_utilisation{pool=\"default\"}"));
        assertEquals(25, delta(scraped, scrape, requests("create", 201)));
        assertEquals(2, delta(scraped, scrape, requests("create", 503)));
        assertEquals(2, delta(scraped, scrape, matches("take", "hit")));
        assertEquals(1, delta(scraped, scrape, matches("peek", "hit")));
        assertEquals(1, delta(scraped, scrape, matches("take", "miss")));
        assertEquals(10, scrape.value("cticache_pool_size{pool=\"default\"}"));
    }

    @Test
    void aPoolMatchedByDnisCountsItsLiveEntries() {
        String first = created(Numbers.uniqueAni(), "bydnis");
        created(Numbers.uniqueAni(), "bydnis");
        assertProblem(api.create("{\"value\":3,\"ani\":\"" + Numbers.uniqueAni() + "\",\"pool\":\"bydnis\"}"), 503, "");
        JsonNode full = pool(api, "bydnis");
        assertEquals("dnis", full.path("match").asText());
        assertEquals(2, full.path("live").asLong(), full.toString());
        assertEquals(1.0, full.path("utilisation").asDouble(), full.toString());
        assertEquals(1, full.path("exhaustions").asLong(), full.toString());

        assertEquals(200, api.send(api.request("DNIS/" + first).DELETE(), Deployment.ADMIN).statusCode());
        JsonNode after = pool(api, "bydnis");
        assertEquals(1, after.path("live").asLong(), after.toString());
        assertEquals(0.5, after.path("utilisation").asDouble(), after.toString());
        assertEquals(0, after.path("noShows").asLong(), after.toString());
    }

    @Test
    void everyInstanceSharingRedisShowsTheSameOccupancy() {
        try (Deployment other = SETTINGS.apply(Deployment.of(SERVICE.redis())).start()) {
            String ani = Numbers.uniqueAni();
            String key = api.created(ani, "\"here\"").path("dnis").asText() + ":" + ani;
            long live = pool(api, "default").path("live").asLong();
            assertEquals(pools(api), pools(other.api()));

            assertEquals(200, other.api().delete(key).statusCode());
            assertEquals(live - 1, pool(api, "default").path("live").asLong());
            assertEquals(pools(api), pools(other.api()));
        }
    }

    @Test
    void crossingTheWarningThresholdIsLoggedOncePerCrossing() {
        try (LogRecords records = LogRecords.of("org.cticache.core.PoolWatch",
                record -> record.getMessage().contains("pool 'small'"))) {
            String ani = Numbers.uniqueAni();
            List<String> keys = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                keys.add(created(ani, "small") + ":" + ani);
            }
            assertEquals(1, count(records, Level.WARNING), records.all().toString());
            keys.forEach(key -> assertEquals(200, api.delete(key).statusCode()));
            pool(api, "small");
            assertEquals(1, count(records, Level.INFO), records.all().toString());
            created(ani, "small");
            created(ani, "small");
            assertEquals(2, count(records, Level.WARNING), records.all().toString());
            String warning = records.messages(Level.WARNING).get(0);
            assertEquals("cticache: pool 'small' is 50% used (one caller holds 2 of its 4 DNIS); warning at 50%"
                    + " (cticache.pool.warn). A caller holding every DNIS gets 503: add numbers to the pool.", warning);
        }
    }

    private static String requests(String operation, int status) {
        return "cticache_requests_seconds_count{operation=\"" + operation + "\",status=\"" + status + "\"}";
    }

    private static String matches(String operation, String outcome) {
        return "cticache_matches_total{operation=\"" + operation + "\",outcome=\"" + outcome + "\",pool=\"default\"}";
    }

    /** How much a series grew; one the instance had not exposed yet counts from 0. */
    private static double delta(Scrape before, Scrape after, String series) {
        return after.value(series) - before.valueOrZero(series);
    }

    private static long count(LogRecords records, Level level) {
        return records.messages(level).size();
    }

    /** POSTs to a named pool and returns the DNIS. */
    private String created(String ani, String pool) {
        HttpResponse<String> response = api.create("{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"" + pool + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response).path("dnis").asText();
    }

    private static JsonNode pools(Api api) {
        HttpResponse<String> response = api.send(api.request("pools").GET(), Deployment.MONITOR);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    private static JsonNode pool(Api api, String name) {
        for (JsonNode pool : pools(api).path("pools")) {
            if (pool.path("name").asText().equals(name)) {
                return pool;
            }
        }
        throw new AssertionError("no pool " + name);
    }
}
