package org.cticache.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.cticache.store.CallTiming;
import org.cticache.store.ConnectionCounts;

/** The Redis calls' latency, by what they do, and the state of the pooled connections. */
public final class RedisMetrics implements CallTiming {

    private final Map<Call, Timer> timers = new EnumMap<>(Call.class);

    public RedisMetrics(Metrics metrics) {
        MeterRegistry registry = metrics.registry();
        for (Call call : Call.values()) {
            timers.put(call, Timer.builder("cticache.redis.calls").description("calls to Redis, by what they do")
                    .tag("call", call.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(Metrics.LATENCY_BUCKETS).register(registry));
        }
    }

    /** Gauges the connections the store reports: borrowed, idle, and callers waiting for one. */
    public void gaugeConnections(Metrics metrics, Supplier<ConnectionCounts> connections) {
        MeterRegistry registry = metrics.registry();
        Map<String, ToIntFunction<ConnectionCounts>> states = Map.of("active", ConnectionCounts::active,
                "idle", ConnectionCounts::idle, "waiting", ConnectionCounts::waiting);
        states.forEach((state, count) -> Gauge.builder("cticache.redis.connections", connections,
                        source -> count.applyAsInt(source.get()))
                .description("pooled Redis connections: borrowed, idle, and callers waiting for one")
                // Held strongly: the gauge's only reference to the supplier, which Micrometer otherwise holds weakly.
                .tag("state", state).strongReference(true).register(registry));
    }

    @Override
    public void record(Call call, long nanos) {
        timers.get(call).record(nanos, TimeUnit.NANOSECONDS);
    }
}
