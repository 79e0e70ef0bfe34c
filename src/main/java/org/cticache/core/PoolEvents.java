package org.cticache.core;

import java.util.List;

/** What the store reports about pools as allocations happen, for warnings and metrics. */
public interface PoolEvents {

    /** Reports nothing. */
    PoolEvents NONE = all(List.of());

    /**
     * A DNIS of the pool was allocated.
     *
     * @param held how many live entries the caller holds in the pool now (a pool matched by DNIS alone: how
     *             many of its DNIS are in use)
     */
    void allocated(DnisPool pool, long held);

    /** An allocation found every DNIS of the pool held by the caller. */
    void exhausted(DnisPool pool);

    static PoolEvents all(List<PoolEvents> receivers) {
        List<PoolEvents> copy = List.copyOf(receivers);
        return new PoolEvents() {
            @Override
            public void allocated(DnisPool pool, long held) {
                copy.forEach(receiver -> receiver.allocated(pool, held));
            }

            @Override
            public void exhausted(DnisPool pool) {
                copy.forEach(receiver -> receiver.exhausted(pool));
            }
        };
    }
}
