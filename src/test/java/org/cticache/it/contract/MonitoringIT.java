package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cticache.testing.Api;
import org.cticache.testing.ClusterRedis;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.Scrape;
import org.cticache.testing.SharedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /metrics and /pools answer the monitoring role and the all-rounder, and nobody else, on every container. */
@ExtendWith(SharedDeployment.class)
class MonitoringIT {

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "pools"})
    void monitoringNeedsCredentials(String path, Api api) {
        HttpResponse<String> response = api.send(api.request(path).GET(), null);
        assertProblem(response, 401, "");
        assertEquals("Basic realm=\"cticache\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "pools"})
    void writersAndReadersMayNotMonitor(String path, Api api) {
        assertProblem(api.send(api.request(path).GET(), Deployment.WRITER), 403, "");
        assertProblem(api.send(api.request(path).GET(), Deployment.READER), 403, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "pools"})
    void monitoringIsReadOnly(String path, Api api) {
        assertProblem(api.send(api.request(path).POST(HttpRequest.BodyPublishers.noBody()), Deployment.MONITOR), 405,
                "");
        assertProblem(api.send(api.request(path).DELETE(), Deployment.ADMIN), 405, "");
    }

    @Test
    void poolsListsEveryConfiguredPoolWithItsOccupancy(Api api) {
        HttpResponse<String> response = api.send(api.request("pools").GET(), Deployment.MONITOR);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        List<String> names = new ArrayList<>();
        for (JsonNode pool : Api.json(response).path("pools")) {
            names.add(pool.path("name").asText());
            assertEquals("dnis-ani", pool.path("match").asText());
            assertTrue(pool.path("live").canConvertToLong() && pool.path("live").asLong() >= 0, pool.toString());
            assertTrue(pool.path("utilisation").isNumber(), pool.toString());
            assertTrue(pool.path("exhaustions").asLong(-1) >= 0, pool.toString());
            assertTrue(pool.path("noShows").asLong(-1) >= 0, pool.toString());
        }
        assertEquals(List.of("default", "intl", "small"), names);
        assertEquals(100, Api.json(response).path("pools").get(0).path("size").asInt());
        assertEquals(5, Api.json(response).path("pools").get(2).path("size").asInt());
    }

    @Test
    void theAllRounderRoleMayMonitorToo(Api api) {
        assertEquals(200, api.send(api.request("pools").GET(), Deployment.ADMIN).statusCode());
        assertEquals(200, api.send(api.request("metrics").GET(), Deployment.ADMIN).statusCode());
    }

    @Test
    void anAllocationIsCountedAndSeenLiveInItsPool(Api api) {
        double before = Scrape.of(api).value("cticache_allocations_total{pool=\"small\"}");
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = api.create("{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"small\"}");
        assertEquals(201, created.statusCode(), created.body());

        Scrape after = Scrape.of(api);
        // Counters are per instance; a contract target is one instance, and tests run one at a time.
        assertEquals(before + 1, after.value("cticache_allocations_total{pool=\"small\"}"));
        assertTrue(after.value("cticache_pool_live{pool=\"small\"}") >= 1);
        assertEquals(5, after.value("cticache_pool_size{pool=\"small\"}"));
    }

    /**
     * Counted by cticache's own timer of Redis calls, in every topology: one call per master that holds the
     * buckets, each a pipeline (MonitoringRoundTripsIT counts the round trips Redis sees, on one server).
     */
    @Test
    void poolsAndEachScrapeCountInOneRedisCallPerMaster(Api api, RedisUnderTest redis) {
        long masters = redis instanceof ClusterRedis cluster ? IntStream.range(0, 64)
                .mapToObj(bucket -> cluster.setup().masterForKey("{b" + bucket + "}")).distinct().count() : 1;
        String counts = "cticache_redis_calls_seconds_count{call=\"count\"}";
        double before = Scrape.of(api).value(counts);
        assertEquals(200, api.send(api.request("pools").GET(), Deployment.MONITOR).statusCode());
        // The second scrape counts too, before it answers.
        double calls = Scrape.of(api).value(counts) - before;
        assertEquals(2 * masters, calls, "calls to count the pools twice, " + masters + " master(s)");
    }

    @Test
    void metricsComeInThePrometheusTextFormat(Api api) {
        HttpResponse<String> response = api.send(api.request("metrics").GET(), Deployment.MONITOR);
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase();
        assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), type);
        assertTrue(response.body().contains("# TYPE cticache_redis_calls_seconds histogram"), response.body());
        assertTrue(response.body().contains("cticache_redis_connections{state=\"idle\"}"), response.body());
    }
}
