package org.cticache.store;

/** The state of a connector's pooled connections: summed over the nodes' pools in a cluster. */
public record ConnectionCounts(int active, int idle, int waiting) {

    ConnectionCounts plus(ConnectionCounts other) {
        return new ConnectionCounts(active + other.active, idle + other.idle, waiting + other.waiting);
    }
}
