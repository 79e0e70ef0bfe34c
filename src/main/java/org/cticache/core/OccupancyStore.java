package org.cticache.core;

import java.util.Collection;
import java.util.List;

/** Where the pools' occupancy is counted: in the store, so that every instance sharing it sees the same counts. */
public interface OccupancyStore {

    /**
     * Counts the pools' occupancy at a cost that does not grow with their size or number of entries.
     *
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    List<PoolOccupancy> occupancy(Collection<DnisPool> pools);
}
