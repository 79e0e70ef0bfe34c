package org.cticache.testing;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A Prometheus text scrape of /metrics, as a map from series ({@code name{labels}}) to value. */
public final class Scrape {

    private final Map<String, Double> series;
    private final String text;

    private Scrape(Map<String, Double> series, String text) {
        this.series = series;
        this.text = text;
    }

    /** GET /metrics as the monitoring user; fails the test on anything but 200. */
    public static Scrape of(Api api) {
        HttpResponse<String> response = api.send(api.request("metrics").GET(), Deployment.MONITOR);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static Scrape parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return new Scrape(series, text);
    }

    /** The value of one series, e.g. {@code value("cticache_allocations_total{pool=\"default\"}")}; fails if absent. */
    public double value(String oneSeries) {
        Double value = series.get(oneSeries);
        if (value == null) {
            throw new AssertionError("no series " + oneSeries + " in the scrape:\n" + text);
        }
        return value;
    }

    /** Every series of the scrape, each as {@code name{labels}} exactly as exposed. */
    public Set<String> series() {
        return Set.copyOf(series.keySet());
    }

    /** The scrape as exposed, for a failure message. */
    public String text() {
        return text;
    }

    /** Like {@link #value(String)}, 0 for a series not (yet) exposed, as Prometheus treats a counter never seen. */
    public double valueOrZero(String oneSeries) {
        return series.getOrDefault(oneSeries, 0.0);
    }
}
