package org.cticache.api;

import java.util.List;
import org.cticache.core.PoolOccupancy;

/** The body of GET /pools. */
public record PoolsView(List<Pool> pools) {

    static PoolsView of(List<PoolOccupancy> occupancies) {
        return new PoolsView(occupancies.stream().map(Pool::of).toList());
    }

    /**
     * One pool; live, exhaustions and noShows are counted in Redis, for every instance sharing it.
     *
     * @param utilisation the share of the pool's DNIS its busiest caller holds (matched by DNIS alone: that are
     *                    in use), rounded to three decimals; at 1 that caller gets 503
     */
    public record Pool(String name, String match, int size, long live, double utilisation, long exhaustions,
                       long noShows) {

        static Pool of(PoolOccupancy occupancy) {
            return new Pool(occupancy.pool().name(), occupancy.pool().isMatchedByDnis() ? "dnis" : "dnis-ani",
                    occupancy.pool().size(), occupancy.live(), Math.round(occupancy.utilisation() * 1000) / 1000.0,
                    occupancy.exhaustions(), occupancy.noShows());
        }
    }
}
