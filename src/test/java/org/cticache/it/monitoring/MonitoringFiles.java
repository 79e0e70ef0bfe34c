package org.cticache.it.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cticache.testing.Api;
import org.yaml.snakeyaml.Yaml;

/** What docs/monitoring gives operators: the alert rules, their promtool tests, the Grafana dashboard. */
final class MonitoringFiles {

    static final Path DIRECTORY = Path.of("docs", "monitoring").toAbsolutePath();
    static final Path RULES = DIRECTORY.resolve("cticache-rules.yml");
    static final Path RULE_TESTS = DIRECTORY.resolve("cticache-rules.test.yml");
    static final Path DASHBOARD = DIRECTORY.resolve("cticache-dashboard.json");

    private MonitoringFiles() {
    }

    /** Each alert's name and expression, in the file's order. */
    @SuppressWarnings("unchecked")
    static Map<String, String> alerts() {
        Map<String, String> alerts = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(RULES).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    /** Every input series of the rule tests, as written, such as {@code cticache_pool_live{job=...,pool="default"}}. */
    @SuppressWarnings("unchecked")
    static List<String> ruleTestSeries() {
        List<String> series = new ArrayList<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) yaml(RULE_TESTS).get("tests")) {
            for (Map<String, Object> input : (List<Map<String, Object>>) test.get("input_series")) {
                series.add((String) input.get("series"));
            }
        }
        return series;
    }

    /** Every query of the dashboard: each panel's expressions and each query variable's query. */
    static List<String> dashboardQueries() {
        JsonNode dashboard;
        try {
            dashboard = Api.JSON.readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> queries = new ArrayList<>();
        addPanelQueries(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("query").path("query").asText());
            }
        }
        return queries;
    }

    /** Rows may hold their panels when collapsed. */
    private static void addPanelQueries(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
            addPanelQueries(panel.path("panels"), queries);
        }
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
