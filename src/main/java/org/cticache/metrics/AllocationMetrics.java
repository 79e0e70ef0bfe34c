package org.cticache.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.PoolEvents;

/** Per pool, the allocations and exhaustions this instance saw. */
public final class AllocationMetrics implements PoolEvents {

    private final Map<DnisPool, Counter> allocations;
    private final Map<DnisPool, Counter> exhaustions;

    public AllocationMetrics(Metrics metrics, DnisPools pools) {
        MeterRegistry registry = metrics.registry();
        this.allocations = pools.all().values().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                pool -> Counter.builder("cticache.allocations").description("DNIS allocated by this instance")
                        .tag("pool", pool.name()).register(registry)));
        this.exhaustions = pools.all().values().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                pool -> Counter.builder("cticache.exhaustions")
                        .description("allocations this instance refused with 503: the caller held every DNIS")
                        .tag("pool", pool.name()).register(registry)));
    }

    @Override
    public void allocated(DnisPool pool, long held) {
        allocations.get(pool).increment();
    }

    @Override
    public void exhausted(DnisPool pool) {
        exhaustions.get(pool).increment();
    }
}
