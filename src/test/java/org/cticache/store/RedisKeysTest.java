package org.cticache.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.cticache.core.Ani;
import org.cticache.core.DnisPool;
import org.cticache.core.NumberPlan;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    private static final NumberPlan PLAIN = NumberPlan.separatorsOnly();

    private final RedisKeys keys = new RedisKeys("cticache:", false);

    /** The part of a key Redis Cluster hashes: the text between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open + 1);
        return key.substring(open + 1, close);
    }

    @Test
    void entryKeyIsPrefixThenBucketAsHashTagThenAniThenDnis() {
        // CRC-32 of "1234567890" is 0x261DAEE5; modulo 64 that is 37.
        assertEquals("cticache:{b37}:1234567890:5551234568", keys.entry(PLAIN.key("5551234568:1234567890")));
    }

    @Test
    void entryKeyUsesTheNormalizedNumbers() {
        String key = keys.entry(PLAIN.key("(555) 123-4568:+1 123.456.7890"));
        assertTrue(key.endsWith("}:+11234567890:5551234568"), key);
    }

    @Test
    void aniPrefixIsTheStartOfEveryEntryKeyOfThatAni() {
        assertEquals("cticache:{b37}:1234567890:", keys.aniPrefix(new Ani("1234567890")));
        String entry = keys.entry(PLAIN.key("5551234568:1234567890"));
        assertEquals(keys.aniPrefix(new Ani("1234567890")) + "5551234568", entry);
    }

    @Test
    void hashTagIsTheAnisBucketSoAllKeysOfOneCallerShareASlot() {
        String first = keys.entry(PLAIN.key("5551234500:1234567890"));
        String second = keys.entry(PLAIN.key("5559870000:1234567890"));
        assertEquals("b37", hashTag(first));
        assertEquals(hashTag(first), hashTag(second));
        assertNotEquals(first, second);
    }

    @Test
    void bookkeepingOfAPoolSharesTheEntrysSlot() {
        DnisPool sales = DnisPool.parse("sales", "5551234500-5551234509");
        String tag = keys.tagPrefix(sales, new Ani("1234567890"));
        assertEquals("cticache:{b37}:stats", RedisKeys.stats(tag));
        assertEquals("cticache:numbers:sales:" + new PoolNumbers(sales).version(),
                keys.numbers(tag, new PoolNumbers(sales)));
    }

    @Test
    void inAClusterEveryTagHasItsOwnCopyOfThePoolsNumbers() {
        DnisPool sales = DnisPool.parse("sales", "5551234500-5551234509");
        RedisKeys clustered = new RedisKeys("cticache:", true);
        String tag = clustered.tagPrefix(sales, new Ani("1234567890"));
        assertEquals("b37", hashTag(clustered.numbers(tag, new PoolNumbers(sales))));
    }

    @Test
    void aPoolMatchedByDnisKeepsItsEntriesAndBookkeepingInOneSlot() {
        DnisPool byDnis = DnisPool.parse("rewriting", "5551234500-5551234509").matchedByDnis();
        String tag = keys.tagPrefix(byDnis, new Ani("1234567890"));
        assertEquals("cticache:{pool:rewriting}:", tag);
        assertEquals(keys.poolPrefix(byDnis), tag);
        assertEquals("pool:rewriting", hashTag(new RedisKeys("cticache:", true).numbers(tag, new PoolNumbers(byDnis))));
    }

    @Test
    void bucketsSpreadAnisOverAllSixtyFourSlots() {
        Set<Integer> seen = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            int bucket = RedisKeys.bucket(new Ani(Long.toString(5550000000L + n)));
            assertTrue(bucket >= 0 && bucket < RedisKeys.BUCKETS, "bucket " + bucket);
            seen.add(bucket);
        }
        assertEquals(RedisKeys.BUCKETS, seen.size());
    }

    @Test
    void differentAnisHaveDifferentKeysForTheSameDnis() {
        assertNotEquals(keys.entry(PLAIN.key("5551234568:1234567890")),
                keys.entry(PLAIN.key("5551234568:1234567891")));
    }

    @Test
    void prefixSeparatesDeployments() {
        String key = new RedisKeys("prod-eu:cticache:", false).entry(PLAIN.key("5551234568:1234567890"));
        assertEquals("prod-eu:cticache:{b37}:1234567890:5551234568", key);
        assertTrue(key.startsWith("prod-eu:cticache:"));
    }

    @Test
    void emptyPrefixLeavesTheHashTagFirst() {
        assertEquals("{b37}:1234567890:5551234568", new RedisKeys("", false).entry(PLAIN.key("5551234568:1234567890")));
    }
}
