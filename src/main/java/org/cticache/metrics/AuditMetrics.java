package org.cticache.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cticache.audit.DroppedLines;

/** The audit lines dropped because the audit log's writer could not keep up: lines the audit file lacks. */
public final class AuditMetrics implements DroppedLines {

    private final Counter dropped;

    // Registered at start, so that the series is there at 0 before the first drop and an alert can use increase().
    public AuditMetrics(Metrics metrics) {
        MeterRegistry registry = metrics.registry();
        dropped = Counter.builder("cticache.audit.dropped")
                .description("audit lines dropped because the audit log's writer could not keep up")
                .register(registry);
    }

    @Override
    public void dropped() {
        dropped.increment();
    }
}
