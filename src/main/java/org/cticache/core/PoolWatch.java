package org.cticache.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Warns once each time a pool's utilisation crosses the threshold (cticache.pool.warn), and says so once when it
 * falls back below: a log line per crossing, not per request. It learns the pressure from every allocation, for
 * free, and exactly from every occupancy count (/pools, /metrics).
 */
public final class PoolWatch implements PoolEvents {

    private static final Logger LOG = Logger.getLogger(PoolWatch.class.getName());

    private final double warnAt;
    private final Map<DnisPool, Pressure> pressures;

    /**
     * @param warnAt utilisation (0 to 1) at which to warn
     * @param shards how many shards the store counts a pool in
     */
    public PoolWatch(DnisPools pools, double warnAt, int shards) {
        this.warnAt = warnAt;
        this.pressures = pools.all().values().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), pool -> new Pressure(shards)));
    }

    @Override
    public void allocated(DnisPool pool, int shard, long busiest) {
        Pressure pressure = pressures.get(pool);
        pressure.busiestByShard.set(shard, busiest);
        check(pool, pressure.busiest());
    }

    @Override
    public void exhausted(DnisPool pool) {
        check(pool, pool.size());
    }

    /** Takes an exact count, which replaces what allocations reported. */
    public void counted(List<PoolOccupancy> occupancies) {
        for (PoolOccupancy occupancy : occupancies) {
            Pressure pressure = pressures.get(occupancy.pool());
            for (int shard = 0; shard < pressure.busiestByShard.length(); shard++) {
                pressure.busiestByShard.set(shard, shard == 0 ? occupancy.busiest() : 0);
            }
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
                ? busiest + " of its " + pool.size() + " DNIS are leased"
                : "one caller holds " + busiest + " of its " + pool.size() + " DNIS";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static final class Pressure {
        final AtomicLongArray busiestByShard;
        final AtomicBoolean high = new AtomicBoolean();

        Pressure(int shards) {
            busiestByShard = new AtomicLongArray(shards);
        }

        long busiest() {
            long most = 0;
            for (int shard = 0; shard < busiestByShard.length(); shard++) {
                most = Math.max(most, busiestByShard.get(shard));
            }
            return most;
        }
    }
}
