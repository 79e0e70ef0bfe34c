package org.cticache.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cticache.core.Ani;
import org.cticache.core.EntryKey;
import org.cticache.core.NumberPlan;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    private static final NumberPlan PLAIN = NumberPlan.separatorsOnly();

    private final RedisKeys keys = new RedisKeys("cticache:");

    /** The part of a key Redis Cluster hashes: the text between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open + 1);
        return key.substring(open + 1, close);
    }

    @Test
    void entryKeyIsPrefixThenAniAsHashTagThenDnis() {
        assertEquals("cticache:{1234567890}:5551234568", keys.entry(PLAIN.key("5551234568:1234567890")));
    }

    @Test
    void entryKeyUsesTheNormalizedNumbers() {
        assertEquals("cticache:{+11234567890}:5551234568",
                keys.entry(PLAIN.key("(555) 123-4568:+1 123.456.7890")));
    }

    @Test
    void aniPrefixIsTheStartOfEveryEntryKeyOfThatAni() {
        assertEquals("cticache:{1234567890}:", keys.aniPrefix(new Ani("1234567890")));
        String entry = keys.entry(PLAIN.key("5551234568:1234567890"));
        assertEquals(keys.aniPrefix(new Ani("1234567890")) + "5551234568", entry);
    }

    @Test
    void hashTagIsTheAniSoAllKeysOfOneCallerShareASlot() {
        String first = keys.entry(PLAIN.key("5551234500:1234567890"));
        String second = keys.entry(PLAIN.key("5559870000:1234567890"));
        assertEquals("1234567890", hashTag(first));
        assertEquals(hashTag(first), hashTag(second));
        assertNotEquals(first, second);
    }

    @Test
    void differentAnisHaveDifferentKeysForTheSameDnis() {
        assertNotEquals(keys.entry(PLAIN.key("5551234568:1234567890")),
                keys.entry(PLAIN.key("5551234568:1234567891")));
    }

    @Test
    void prefixSeparatesDeployments() {
        String key = new RedisKeys("prod-eu:cticache:").entry(PLAIN.key("5551234568:1234567890"));
        assertEquals("prod-eu:cticache:{1234567890}:5551234568", key);
        assertTrue(key.startsWith("prod-eu:cticache:"));
    }

    @Test
    void emptyPrefixLeavesTheHashTagFirst() {
        assertEquals("{1234567890}:5551234568", new RedisKeys("").entry(PLAIN.key("5551234568:1234567890")));
    }
}
