package org.cticache.it.monitoring;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cticache.it.monitoring.PromQl.LabelMatcher;
import org.cticache.it.monitoring.PromQl.Selector;
import org.cticache.it.monitoring.PromQl.Series;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.Scrape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitoring files speak of the series /metrics really exposes: every metric, label and named label value in
 * the alert rules, in their tests' input series and in the dashboard's queries is in a real scrape of the WAR,
 * taken after the calls that create those series. promtool accepts the rules, and their unit tests pass.
 */
class MetricsShapeIT {

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.dnis.pool.tiny", "5550000401-5550000402")
            .set("cticache.dnis.pool.bydnis", "5550000501-5550000502")
            .set("cticache.match.bydnis", "dnis"));

    /** Prometheus's own series per target, which no exposition holds. */
    private static final String UP = "up";

    private static Scrape scrape;
    // Per metric name: the labels of each of its series.
    private static final Map<String, List<Map<String, String>>> SCRAPED = new HashMap<>();

    @BeforeAll
    static void makeEverySeriesThenScrape() {
        Api api = SERVICE.api();
        String pbx = Numbers.uniqueAni();
        created(api, "{\"value\":1,\"ani\":\"" + pbx + "\",\"pool\":\"tiny\"}");
        created(api, "{\"value\":2,\"ani\":\"" + pbx + "\",\"pool\":\"tiny\"}");
        assertProblem(api.create("{\"value\":3,\"ani\":\"" + pbx + "\",\"pool\":\"tiny\"}"), 503, "");

        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"data\"").path("dnis").asText() + ":" + ani;
        assertEquals(200, api.get(key).statusCode());
        assertEquals(200, api.delete(key).statusCode());
        assertEquals(404, api.get(key).statusCode());
        assertEquals(404, api.delete(key).statusCode());

        String dnis = created(api, "{\"value\":4,\"ani\":\"" + Numbers.uniqueAni() + "\",\"pool\":\"bydnis\"}");
        assertEquals(200, api.send(api.request("DNIS/" + dnis).GET(), Deployment.ADMIN).statusCode());
        assertEquals(200, api.send(api.request("DNIS/" + dnis).DELETE(), Deployment.ADMIN).statusCode());
        assertEquals(404, api.send(api.request("DNIS/" + dnis).DELETE(), Deployment.ADMIN).statusCode());
        assertEquals(200, api.health().statusCode());

        scrape = Scrape.of(api);
        for (String series : scrape.series()) {
            Series parsed = PromQl.series(series);
            SCRAPED.computeIfAbsent(parsed.name(), name -> new ArrayList<>()).add(parsed.labels());
        }
    }

    @Test
    void everyAlertRuleSelectsSeriesTheScrapeHas() {
        Map<String, String> alerts = MonitoringFiles.alerts();
        assertFalse(alerts.isEmpty(), "no alerts in " + MonitoringFiles.RULES);
        alerts.forEach((alert, expression) -> assertSelectsScrapedSeries("alert " + alert, expression));
    }

    @Test
    void everyDashboardQuerySelectsSeriesTheScrapeHas() {
        List<String> queries = MonitoringFiles.dashboardQueries();
        assertFalse(queries.isEmpty(), "no queries in " + MonitoringFiles.DASHBOARD);
        queries.forEach(query -> assertSelectsScrapedSeries("dashboard query " + query, query));
    }

    @Test
    void everyRuleTestInputSeriesIsShapedLikeAScrapedOne() {
        List<String> inputs = MonitoringFiles.ruleTestSeries();
        assertFalse(inputs.isEmpty(), "no input series in " + MonitoringFiles.RULE_TESTS);
        for (String input : inputs) {
            Series series = PromQl.series(input);
            assertEquals(PromQl.TARGET_LABELS, intersection(series.labels().keySet(), PromQl.TARGET_LABELS),
                    input + ": a stored series has the job and instance Prometheus gives it");
            Map<String, String> own = new HashMap<>(series.labels());
            own.keySet().removeAll(PromQl.TARGET_LABELS);
            if (series.name().equals(UP)) {
                assertEquals(Map.of(), own, input + ": up has only job and instance");
                continue;
            }
            List<Map<String, String>> scraped = scraped(input, series.name());
            assertTrue(scraped.stream().anyMatch(labels -> labels.keySet().equals(own.keySet())), input
                    + ": no scraped " + series.name() + " has exactly the labels " + own.keySet() + "; scraped: "
                    + scraped);
            // Pool names are the deployment's own; every other label's values are cticache's.
            own.forEach((label, value) -> {
                if (!label.equals("pool")) {
                    assertTrue(values(scraped, label).contains(value), input + ": " + label + "=\"" + value
                            + "\" is no value cticache exposes; it does: " + values(scraped, label));
                }
            });
        }
    }

    @Test
    void promtoolAcceptsTheRules() {
        PrometheusPackage.promtool("check", "rules", MonitoringFiles.RULES.toString());
    }

    @Test
    void theRulesPassTheirUnitTests() {
        PrometheusPackage.promtool("test", "rules", MonitoringFiles.RULE_TESTS.toString());
    }

    private static void assertSelectsScrapedSeries(String where, String expression) {
        Set<String> labelsInPlay = new HashSet<>(PromQl.TARGET_LABELS);
        List<Selector> selectors = PromQl.selectors(expression);
        assertFalse(selectors.isEmpty(), where + " selects nothing");
        for (Selector selector : selectors) {
            if (selector.metric().equals(UP)) {
                continue;
            }
            List<Map<String, String>> scraped = scraped(where, selector.metric());
            scraped.forEach(labels -> labelsInPlay.addAll(labels.keySet()));
            for (LabelMatcher matcher : selector.matchers()) {
                if (PromQl.TARGET_LABELS.contains(matcher.label())) {
                    continue;
                }
                Set<String> values = values(scraped, matcher.label());
                assertFalse(values.isEmpty(), where + ": " + selector.metric() + " has no label " + matcher.label());
                for (String value : matcher.namedValues()) {
                    assertTrue(values.contains(value), where + ": " + selector.metric() + " never has "
                            + matcher.label() + "=\"" + value + "\"; it has " + values);
                }
            }
        }
        for (String label : PromQl.groupingLabels(expression)) {
            assertTrue(labelsInPlay.contains(label), where + " groups by " + label + ", which none of its series has");
        }
    }

    private static List<Map<String, String>> scraped(String where, String metric) {
        List<Map<String, String>> series = SCRAPED.get(metric);
        if (series == null) {
            throw new AssertionError(where + ": no metric " + metric + " in a real scrape:\n" + scrape.text());
        }
        return series;
    }

    private static Set<String> values(List<Map<String, String>> series, String label) {
        Set<String> values = new TreeSet<>();
        series.stream().filter(labels -> labels.containsKey(label)).forEach(labels -> values.add(labels.get(label)));
        return values;
    }

    private static Set<String> intersection(Set<String> labels, Set<String> wanted) {
        Set<String> both = new HashSet<>(labels);
        both.retainAll(wanted);
        return both;
    }

    /** POSTs and returns the DNIS. */
    private static String created(Api api, String json) {
        HttpResponse<String> response = api.create(json);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response).path("dnis").asText();
    }
}
