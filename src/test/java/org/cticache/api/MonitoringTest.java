package org.cticache.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.cticache.testing.OpenApiConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What load balancers, operators and Prometheus read: health, pools, metrics, the OpenAPI document. */
class MonitoringTest {

    private static final String ANI = "9123456789";

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @Test
    void healthIsOpenSaysOnlyUpAndIsNeverCached(Api api) {
        HttpResponse<String> response = api.health();

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void healthIs503DownWhileTheStoreDoesNotAnswer(Api api) {
        edge.store().down();
        HttpResponse<String> response = api.health();

        assertEquals(503, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"status\":\"DOWN\"}", response.body());
        edge.store().up();
        assertEquals(200, api.health().statusCode());
    }

    @Test
    void thePoolsShowEachPoolsOccupancyCountedInTheStore(Api api) {
        for (String body : List.of("{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"small\"}",
                "{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"small\"}",
                "{\"value\":1,\"ani\":\"9000000001\",\"pool\":\"small\"}",
                "{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"rewriting\"}")) {
            assertEquals(201, api.create(body).statusCode());
        }

        HttpResponse<String> response = api.send(api.request("pools").GET(), Deployment.MONITOR);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode pools = Api.json(response).path("pools");
        List<String> names = new ArrayList<>();
        pools.forEach(pool -> names.add(pool.path("name").asText()));
        assertEquals(List.of("default", "intl", "rewriting", "small"), names);
        assertEquals("{\"name\":\"small\",\"match\":\"dnis-ani\",\"size\":5,\"live\":3,\"utilisation\":0.4,"
                + "\"exhaustions\":0,\"noShows\":0}", pools.get(3).toString());
        assertEquals("{\"name\":\"rewriting\",\"match\":\"dnis\",\"size\":3,\"live\":1,\"utilisation\":0.333,"
                + "\"exhaustions\":0,\"noShows\":0}", pools.get(2).toString());
    }

    @Test
    void thePoolsCountExhaustionsAndEntriesThatExpiredUntaken(Api api) {
        for (int i = 0; i < 6; i++) {
            api.create("{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"small\"}");
        }
        edge.store().advance(Duration.ofHours(1));

        JsonNode small = Api.json(api.send(api.request("pools").GET(), Deployment.MONITOR)).path("pools").get(3);
        assertEquals(0, small.path("live").asInt(), small.toString());
        assertEquals(1, small.path("exhaustions").asInt(), small.toString());
        assertEquals(5, small.path("noShows").asInt(), small.toString());
    }

    @Test
    void metricsComeInThePrometheusTextFormatOrAsOpenMetricsWhenAsked(Api api) {
        HttpResponse<String> text = api.send(api.request("metrics").GET(), Deployment.MONITOR);
        assertEquals(200, text.statusCode());
        String type = text.headers().firstValue("Content-Type").orElseThrow().replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), type);
        assertEquals("no-store", text.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(text.body().contains("# TYPE jvm_threads_live_threads gauge"), text.body());

        HttpResponse<String> openMetrics = api.send(api.request("metrics")
                .header("Accept", "application/openmetrics-text; version=1.0.0").GET(), Deployment.MONITOR);
        assertTrue(openMetrics.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text"), openMetrics.headers().toString());
        assertTrue(openMetrics.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
    }

    @Test
    void theOpenApiDocumentIsServedOpenAsPackaged(Api api) throws IOException {
        HttpResponse<String> response = api.send(api.request("openapi.json").GET(), null);

        assertEquals(200, response.statusCode());
        try (InputStream packaged = getClass().getClassLoader().getResourceAsStream(OpenApiConformance.RESOURCE)) {
            assertEquals(new String(packaged.readAllBytes(), StandardCharsets.UTF_8), response.body());
        }
    }
}
