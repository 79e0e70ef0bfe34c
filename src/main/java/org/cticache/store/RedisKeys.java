package org.cticache.store;

import org.cticache.core.Ani;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;

/**
 * The Redis key layout, {@code <prefix>{<ani>}:<dnis>}. The braces are a Redis Cluster hash tag: every key of
 * one ANI lands in one slot, so an allocation, which probes several DNIS for one ANI, stays one atomic script
 * in a cluster too. There is no key shared by all calls (no counter, no index): load spreads over the slots as
 * the ANIs do. The health check's key only picks which master a PING goes to.
 */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The part shared by all keys of one ANI; the DNIS completes it. */
    String aniPrefix(Ani ani) {
        return prefix + "{" + ani.value() + "}:";
    }

    /**
     * The part shared by all keys of a pool matched by DNIS alone. Such a pool is one slot on purpose: leasing
     * a DNIS whatever the ANI means an allocation probes the pool's DNIS keys in one atomic script, so they must
     * share a slot; the load of that pool then rests on one master, which is the price of DNIS-only matching.
     */
    String poolPrefix(DnisPool pool) {
        return prefix + "{pool:" + pool.name() + "}:";
    }

    /** A key that only picks the node a health check asks: in a cluster, the master of its slot. */
    String health() {
        return prefix + "health";
    }

    String entry(EntryKey key) {
        return aniPrefix(key.ani()) + key.dnis().value();
    }
}
