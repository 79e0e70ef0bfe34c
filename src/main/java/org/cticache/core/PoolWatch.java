package org.cticache.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Warns once each time a pool's utilisation crosses the threshold (cticache.pool.warn), and says so once when it
 * falls back below: a log line per crossing, not per request. Every allocation tells it how many DNIS that caller
 * holds, for free: a lower bound of the busiest caller, so a crossing is seen at once; an occupancy count
 * (/pools, /metrics) tells it exactly, which is when it sees the pool fall back.
 */
public final class PoolWatch implements PoolEvents {

    private static final Logger LOG = Logger.getLogger(PoolWatch.class.getName());

    private final double warnAt;
    private final Map<DnisPool, Pressure> pressures;

    /** @param warnAt utilisation (0 to 1) at which to warn */
    public PoolWatch(DnisPools pools, double warnAt) {
        this.warnAt = warnAt;
        this.pressures = pools.all().values().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), pool -> new Pressure()));
    }

    @Override
    public void allocated(DnisPool pool, long held) {
        Pressure pressure = pressures.get(pool);
        check(pool, pressure.busiest.accumulateAndGet(held, Math::max));
    }

    @Override
    public void exhausted(DnisPool pool) {
        check(pool, pool.size());
    }

    /** Takes an exact count, which replaces what allocations reported. */
    public void counted(List<PoolOccupancy> occupancies) {
        for (PoolOccupancy occupancy : occupancies) {
            pressures.get(occupancy.pool()).busiest.set(occupancy.busiest());
            check(occupancy.pool(), occupancy.busiest());
        }
    }

    private void check(DnisPool pool, long busiest) {
        double utilisation = (double) busiest / pool.size();
        AtomicBoolean high = pressures.get(pool).high;
        if (utilisation >= warnAt && high.compareAndSet(false, true)) {
            LOG.warning("cticache: pool '" + pool.name() + "' is " + percent(utilisation) + " used ("
                    + holding(pool, busiest) + "); warning at " + percent(warnAt)
                    + " (cticache.pool.warn). A caller holding every DNIS gets 503: add numbers to the pool.");
        } else if (utilisation < warnAt && high.compareAndSet(true, false)) {
            LOG.info("cticache: pool '" + pool.name() + "' is back below " + percent(warnAt) + " ("
                    + percent(utilisation) + " used)");
        }
    }

    private static String holding(DnisPool pool, long busiest) {
        return pool.isMatchedByDnis()
                ? busiest + " of its " + pool.size() + " DNIS are in use"
                : "one caller holds " + busiest + " of its " + pool.size() + " DNIS";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static final class Pressure {
        final AtomicLong busiest = new AtomicLong();
        final AtomicBoolean high = new AtomicBoolean();
    }
}
