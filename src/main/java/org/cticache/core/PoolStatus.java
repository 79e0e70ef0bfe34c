package org.cticache.core;

import java.util.List;

/** The occupancy of every configured pool, counted in the store and shown to the pool watch on the way. */
public final class PoolStatus {

    private final OccupancyStore store;
    private final DnisPools pools;
    private final PoolWatch watch;

    public PoolStatus(OccupancyStore store, DnisPools pools, PoolWatch watch) {
        this.store = store;
        this.pools = pools;
        this.watch = watch;
    }

    /**
     * The pools in name order.
     *
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    public List<PoolOccupancy> count() {
        List<PoolOccupancy> occupancies = store.occupancy(pools.all().values());
        watch.counted(occupancies);
        return occupancies;
    }
}
