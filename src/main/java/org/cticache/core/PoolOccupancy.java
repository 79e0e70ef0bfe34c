package org.cticache.core;

/**
 * A pool's occupancy as Redis counts it, the same for every instance sharing that Redis.
 *
 * @param live        entries stored and neither taken nor expired
 * @param busiest     the most live entries one caller holds (a pool matched by DNIS alone: its live entries),
 *                    since a caller gets 503 when it holds every DNIS
 * @param noShows     entries that expired without being taken, since Redis began counting
 * @param exhaustions allocations refused because the caller held every DNIS, since Redis began counting
 */
public record PoolOccupancy(DnisPool pool, long live, long busiest, long noShows, long exhaustions) {

    /** How close the pool is to answering 503: the share of its DNIS its busiest caller holds. */
    public double utilisation() {
        return (double) busiest / pool.size();
    }
}
