package org.cticache.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The meters of one deployment and their Prometheus exposition. The registry is the deployment's own, never
 * Micrometer's global one, which would keep the web application's classes alive after an undeploy.
 */
public final class Metrics implements AutoCloseable {

    /** Latency buckets of every timer: a few fixed ones keep the number of series small and comparable. */
    public static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Listens to the JVM's garbage collector notifications until closed.
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Runnable> beforeEachScrape = new CopyOnWriteArrayList<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Runs before every scrape: for meters read from elsewhere once per scrape, consistent within it. */
    public void beforeEachScrape(Runnable task) {
        beforeEachScrape.add(task);
    }

    /** The current values in the format the scraper's Accept header asks for: OpenMetrics, else Prometheus text. */
    public Exposition scrape(String accept) {
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        beforeEachScrape.forEach(Runnable::run);
        return new Exposition(contentType, registry.scrape(contentType));
    }

    /** A scrape's answer. */
    public record Exposition(String contentType, String text) {
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
