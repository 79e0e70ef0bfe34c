package org.cticache.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.cticache.core.Ani;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;

/**
 * The Redis key layout. An entry is {@code <prefix>{b<bucket>}:<ani>:<dnis>}, its bucket a fixed hash of the ANI.
 * The braces are a Redis Cluster hash tag: every key of one ANI lands in one slot, so an allocation, which probes
 * several DNIS for one ANI, stays one atomic script in a cluster too; and so do the bucket's occupancy sets
 * ({@code live:<pool>}, {@code callers:<pool>}) and counters ({@code stats}), which that script updates in the
 * same call. Buckets rather than one set per pool keep the occupancy of a pool out of a single hot slot: load
 * spreads over {@value #BUCKETS} slots, and reading a pool's occupancy costs {@value #BUCKETS} small calls
 * whatever its size.
 *
 * <p>A pool matched by DNIS alone is one slot on purpose, {@code <prefix>{pool:<name>}:<dnis>} with its sets
 * beside it: leasing a DNIS whatever the ANI means an allocation probes the pool's DNIS keys in one atomic
 * script, so they must share a slot; the load of that pool then rests on one master, which is the price of
 * DNIS-only matching.
 */
final class RedisKeys {

    /** Never to change: entries written under one bucket count are not found under another. */
    static final int BUCKETS = 64;

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    static int bucket(Ani ani) {
        CRC32 crc = new CRC32();
        crc.update(ani.value().getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }

    /** The part shared by every key of a bucket: its hash tag. */
    String bucketPrefix(int bucket) {
        return prefix + "{b" + bucket + "}:";
    }

    /** The part shared by all entry keys of one ANI; the DNIS completes it. */
    String aniPrefix(Ani ani) {
        return bucketPrefix(bucket(ani)) + ani.value() + ":";
    }

    /** The part shared by all keys of a pool matched by DNIS alone. */
    String poolPrefix(DnisPool pool) {
        return prefix + "{pool:" + pool.name() + "}:";
    }

    /** Where a pool's tracking keys live for this ANI: its bucket, or for a pool matched by DNIS alone, the pool. */
    String trackingPrefix(DnisPool pool, Ani ani) {
        return pool.isMatchedByDnis() ? poolPrefix(pool) : bucketPrefix(bucket(ani));
    }

    /**
     * The live entries of a pool as a sorted set: member {@code <dnis>:<ani>} (matched by DNIS alone:
     * {@code <dnis>}), score its end of life in epoch ms.
     */
    static String live(String trackingPrefix, DnisPool pool) {
        return trackingPrefix + "live:" + pool.name();
    }

    /** How many live entries each caller holds in a pool: member the ANI, score the count. */
    static String callers(String trackingPrefix, DnisPool pool) {
        return trackingPrefix + "callers:" + pool.name();
    }

    /** The counters of a bucket or pool matched by DNIS alone: {@code noshows:<pool>}, {@code exhaustions:<pool>}. */
    static String stats(String trackingPrefix) {
        return trackingPrefix + "stats";
    }

    /** A key that only picks the node a health check asks: in a cluster, the master of its slot. */
    String health() {
        return prefix + "health";
    }

    String entry(EntryKey key) {
        return aniPrefix(key.ani()) + key.dnis().value();
    }
}
