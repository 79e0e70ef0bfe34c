package org.cticache.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cticache.audit.ApiCall;
import org.cticache.audit.ApiCallListener;

/**
 * Every API call's latency by operation and status, and for peeks and takes whether they found an entry: the
 * match rate per pool that tells whether system Y picks up what system X left.
 */
public final class RequestMetrics implements ApiCallListener {

    private static final Set<String> LOOKUPS = Set.of("peek", "take", "peek-dnis", "take-dnis");

    private final MeterRegistry registry;
    // Builders are not free: the hot path looks meters up by their few possible tag values instead.
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> matches = new ConcurrentHashMap<>();

    public RequestMetrics(Metrics metrics) {
        this.registry = metrics.registry();
    }

    @Override
    public void completed(ApiCall call) {
        String status = Integer.toString(call.status());
        requests.computeIfAbsent(call.operation() + " " + status, key -> Timer.builder("cticache.requests")
                .description("API calls, from arrival to answer").tag("operation", call.operation())
                .tag("status", status).serviceLevelObjectives(Metrics.LATENCY_BUCKETS).register(registry))
                .record((long) (call.latencyMillis() * 1_000_000), TimeUnit.NANOSECONDS);
        if (LOOKUPS.contains(call.operation()) && (call.status() == 200 || call.status() == 404)) {
            String outcome = call.status() == 200 ? "hit" : "miss";
            matches.computeIfAbsent(call.operation() + " " + call.pool() + " " + outcome, key -> Counter
                    .builder("cticache.matches").description("peeks and takes that found an entry (hit) or not (miss)")
                    .tag("operation", call.operation()).tag("pool", call.pool()).tag("outcome", outcome)
                    .register(registry)).increment();
        }
    }
}
