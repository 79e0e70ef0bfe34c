package org.cticache.it.monitoring;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped alert rules, as they are, in a real Prometheus that scrapes the real WAR every second: a pool
 * exhausted for real and Redis stopped for real make their alerts pending or firing (pending proves the expression
 * matched real data; the rules' for: durations run to minutes). Every rule evaluates without error, and every
 * dashboard query runs on the real series and finds data.
 */
class AlertsInPrometheusIT {

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.dnis.pool.tiny", "5550000601-5550000602"));

    // Twice the 1 s scrape and evaluation intervals, and slack for a busy 2-core machine.
    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(20);

    private static PrometheusServer prometheus;

    private final Api api = SERVICE.api();

    // Started by the first test rather than in @BeforeAll: where prometheus is missing, an assumption failing there
    // would report no test at all, where each test should show as skipped with the reason.
    @BeforeEach
    void startPrometheusOnce() {
        if (prometheus != null) {
            return;
        }
        prometheus = PrometheusServer.start(SERVICE.api().base(), Deployment.MONITOR, MonitoringFiles.RULES,
                Path.of("target", "monitoring-it", "prometheus").toAbsolutePath());
        await("Prometheus to scrape cticache").atMost(ALERT_DEADLINE)
                .until(() -> !prometheus.query("cticache_exhaustions_total{pool=\"tiny\"}").isEmpty());
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
            prometheus = null;
        }
    }

    @Test
    void aPoolExhaustedForRealRaisesItsAlerts() {
        String pbx = Numbers.uniqueAni();
        String body = "{\"value\":1,\"ani\":\"" + pbx + "\",\"pool\":\"tiny\"}";
        assertEquals(201, api.create(body).statusCode());
        assertEquals(201, api.create(body).statusCode());
        long start = System.nanoTime();
        assertProblem(api.create(body), 503, "");

        report("CticachePoolExhausted", awaitAlert("CticachePoolExhausted", Map.of("pool", "tiny")), start);
        report("CticachePoolNearlyFull", awaitAlert("CticachePoolNearlyFull", Map.of("pool", "tiny")), start);
    }

    @Test
    void aRedisStoppedForRealRaisesItsAlert() {
        TestRedis redis = SERVICE.redis();
        long start = System.nanoTime();
        redis.stop();
        try {
            report("CticacheRedisUnavailable", awaitAlert("CticacheRedisUnavailable", Map.of("job", "cticache")),
                    start);
        } finally {
            redis.restart();
        }
    }

    @Test
    void everyRuleEvaluatesWithoutErrorOnRealSeries() {
        // Health is "unknown" until a rule's first evaluation.
        await("every rule evaluated without error").atMost(ALERT_DEADLINE).untilAsserted(() -> {
            List<String> rules = new ArrayList<>();
            for (JsonNode group : prometheus.ruleGroups()) {
                for (JsonNode rule : group.path("rules")) {
                    rules.add(rule.path("name").asText());
                    assertEquals("ok", rule.path("health").asText(), rule.toString());
                }
            }
            assertEquals(List.copyOf(MonitoringFiles.alerts().keySet()), rules, "the rules Prometheus loaded");
        });
    }

    @Test
    void everyDashboardQueryFindsRealSeries() {
        // A peek and a take, so that the match panels have series; each needs two scrapes of it for a rate.
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"data\"").path("dnis").asText() + ":" + ani;
        assertEquals(200, api.get(key).statusCode());
        assertEquals(200, api.delete(key).statusCode());
        for (String query : MonitoringFiles.dashboardQueries()) {
            // Grafana's variables as a dashboard showing every instance gives them.
            String promql = query.replace("$instance", ".*").replace("$__rate_interval", "1m");
            if (promql.startsWith("label_values(")) {
                continue;
            }
            await("dashboard query " + query + " to find series").atMost(ALERT_DEADLINE)
                    .until(() -> !prometheus.query(promql).isEmpty());
        }
    }

    /** Waits for the alert with these labels to be pending or firing, and returns it. */
    private static JsonNode awaitAlert(String name, Map<String, String> labels) {
        return await(name + " " + labels + " pending or firing in Prometheus").atMost(ALERT_DEADLINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> find(name, labels), alert -> alert != null);
    }

    private static JsonNode find(String name, Map<String, String> labels) {
        for (JsonNode alert : prometheus.alerts()) {
            JsonNode alertLabels = alert.path("labels");
            boolean matches = alertLabels.path("alertname").asText().equals(name) && labels.entrySet().stream()
                    .allMatch(label -> alertLabels.path(label.getKey()).asText().equals(label.getValue()));
            if (matches) {
                return alert;
            }
        }
        return null;
    }

    /** What the run observed, for whoever tunes the rules' for: and the scrape interval. */
    private static void report(String name, JsonNode alert, long start) {
        String state = alert.path("state").asText();
        assertFalse(state.isEmpty(), alert.toString());
        System.out.printf("%s %s %.1f s after the cause: %s%n", name, state, (System.nanoTime() - start) / 1e9,
                alert.path("labels"));
    }
}
