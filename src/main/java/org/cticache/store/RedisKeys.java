package org.cticache.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.cticache.core.Ani;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;

/**
 * The Redis key layout. An entry is {@code <prefix>{b<bucket>}:<ani>:<dnis>}, its bucket a fixed hash of the ANI.
 * The braces are a Redis Cluster hash tag: every key of one ANI lands in one slot, so an allocation stays one
 * atomic script in a cluster too, together with the bookkeeping of who holds which DNIS, which sits under the
 * same tag (see holdings.lua). Buckets rather than one set of keys per pool keep a pool out of a single hot slot:
 * load spreads over {@value #BUCKETS} slots, and reading a pool's occupancy costs {@value #BUCKETS} small script
 * calls whatever its size, pipelined into one round trip per master.
 *
 * <p>A pool matched by DNIS alone is one slot on purpose, {@code <prefix>{pool:<name>}:<dnis>} with its
 * bookkeeping beside it: holding a DNIS whatever the ANI means one holder for the whole pool, so its keys must
 * share a slot; the load of that pool then rests on one master, which is the price of DNIS-only matching.
 *
 * <p>A pool's numbers are stored once ({@code <prefix>numbers:<pool>:<version>}), or in a cluster once per tag
 * that allocates from it, since a script reads only keys of its own slot there.
 */
final class RedisKeys {

    /** Never to change: entries written under one bucket count are not found under another. */
    static final int BUCKETS = 64;

    private final String prefix;
    private final boolean clustered;

    RedisKeys(String prefix, boolean clustered) {
        this.prefix = prefix;
        this.clustered = clustered;
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

    /**
     * The part shared by the entry keys an allocation for this ANI may write, and its idempotency record: the
     * ANI's, or for a pool matched by DNIS alone the pool's.
     */
    String holderPrefix(DnisPool pool, Ani ani) {
        return pool.isMatchedByDnis() ? poolPrefix(pool) : aniPrefix(ani);
    }

    /** The tag under which an allocation for this ANI keeps its bookkeeping: the ANI's bucket, or the pool's. */
    String tagPrefix(DnisPool pool, Ani ani) {
        return pool.isMatchedByDnis() ? poolPrefix(pool) : bucketPrefix(bucket(ani));
    }

    /** The bookkeeping's counters under a tag; the scripts find every other key of the tag from its name. */
    static String stats(String tagPrefix) {
        return tagPrefix + "stats";
    }

    /** Where a script running under the tag reads the pool's numbers. */
    String numbers(String tagPrefix, PoolNumbers numbers) {
        String key = "numbers:" + numbers.pool().name() + ":" + numbers.version();
        return (clustered ? tagPrefix : prefix) + key;
    }

    /** Where an Idempotency-Key is recorded: outside every tag, since requests reusing it may come from any ANI. */
    String idempotency(String key) {
        return prefix + "idempotency:" + key;
    }

    /** A key that only picks the node a health check asks: in a cluster, the master of its slot. */
    String health() {
        return prefix + "health";
    }

    String entry(EntryKey key) {
        return aniPrefix(key.ani()) + key.dnis().value();
    }
}
