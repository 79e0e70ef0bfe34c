package org.cticache.core;

import java.util.List;

/** What the store reports about pools as allocations happen, for warnings and metrics. */
public interface PoolEvents {

    /** Reports nothing. */
    PoolEvents NONE = all(List.of());

    /**
     * A DNIS of the pool was allocated.
     *
     * @param shard   which part of the pool's occupancy {@code busiest} describes (the store counts a pool in
     *                shards so that no single Redis slot carries it)
     * @param busiest the most live entries one caller holds in that shard after this allocation
     */
    void allocated(DnisPool pool, int shard, long busiest);

    /** An allocation found every DNIS of the pool held by the caller. */
    void exhausted(DnisPool pool);

    static PoolEvents all(List<PoolEvents> receivers) {
        List<PoolEvents> copy = List.copyOf(receivers);
        return new PoolEvents() {
            @Override
            public void allocated(DnisPool pool, int shard, long busiest) {
                copy.forEach(receiver -> receiver.allocated(pool, shard, busiest));
            }

            @Override
            public void exhausted(DnisPool pool) {
                copy.forEach(receiver -> receiver.exhausted(pool));
            }
        };
    }
}
