package org.cticache.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.PoolOccupancy;
import org.cticache.core.PoolStatus;
import org.cticache.core.StoreUnavailableException;

/**
 * Per pool, the occupancy Redis counts for all instances: size, live entries, utilisation, no-shows. Every
 * instance shows the same figures, so dashboards take max(), not sum(). Counted once per scrape, however many
 * gauges ask.
 */
public final class OccupancyMetrics {

    private final PoolStatus status;
    private volatile Map<DnisPool, PoolOccupancy> counted = Map.of();

    public OccupancyMetrics(Metrics metrics, DnisPools pools, PoolStatus status) {
        this.status = status;
        MeterRegistry registry = metrics.registry();
        for (DnisPool pool : pools.all().values()) {
            Gauge.builder("cticache.pool.size", pool, DnisPool::size).description("DNIS in the pool")
                    .tag("pool", pool.name()).register(registry);
            gauge(registry, pool, "cticache.pool.live", "entries neither taken nor expired", PoolOccupancy::live);
            gauge(registry, pool, "cticache.pool.utilisation",
                    "share of the pool's DNIS its busiest caller holds; at 1 that caller gets 503",
                    PoolOccupancy::utilisation);
            FunctionCounter.builder("cticache.pool.noshows", pool, p -> counted(p, PoolOccupancy::noShows))
                    .description("entries that expired without being taken").tag("pool", pool.name())
                    .register(registry);
        }
        metrics.beforeEachScrape(this::count);
    }

    private void gauge(MeterRegistry registry, DnisPool pool, String name, String description,
                       ToDoubleFunction<PoolOccupancy> value) {
        Gauge.builder(name, pool, p -> counted(p, value)).description(description).tag("pool", pool.name())
                .register(registry);
    }

    /** Without Redis the scrape still answers, the pool figures then NaN. */
    private void count() {
        try {
            counted = status.count().stream()
                    .collect(Collectors.toUnmodifiableMap(PoolOccupancy::pool, Function.identity()));
        } catch (StoreUnavailableException e) {
            counted = Map.of();
        }
    }

    private double counted(DnisPool pool, ToDoubleFunction<PoolOccupancy> value) {
        PoolOccupancy occupancy = counted.get(pool);
        return occupancy == null ? Double.NaN : value.applyAsDouble(occupancy);
    }
}
