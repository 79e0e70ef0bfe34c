package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlPolicyTest {

    private final TtlPolicy policy = new TtlPolicy(60, 3600);

    @Test
    void noRequestedTtlMeansTheDefault() {
        assertEquals(60, policy.resolve(null));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 59, 60, 61, 3599, 3600})
    void requestedTtlFromOneToTheMaximumIsUsed(long requested) {
        assertEquals(requested, policy.resolve(requested));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 3601, Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE,
            Long.MIN_VALUE})
    void requestedTtlOutsideOneToTheMaximumIsRejected(long requested) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.resolve(requested));
        assertEquals("ttl " + requested + " is out of range: it must be 1 to 3600 seconds", e.getMessage());
    }

    @Test
    void maximumMayBeAsLargeAsAnInt() {
        TtlPolicy wide = new TtlPolicy(1, Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, wide.resolve((long) Integer.MAX_VALUE));
        assertThrows(InvalidInputException.class, () -> wide.resolve((long) Integer.MAX_VALUE + 1));
    }

    @Test
    void defaultMayEqualTheMaximum() {
        assertEquals(30, new TtlPolicy(30, 30).resolve(null));
    }

    @ParameterizedTest
    @CsvSource({"0, 3600", "-5, 3600", "61, 60"})
    void defaultOutsideOneToTheMaximumIsRejected(int defaultSeconds, int maxSeconds) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TtlPolicy(defaultSeconds, maxSeconds));
        assertTrue(e.getMessage().contains("default ttl " + defaultSeconds), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(maxSeconds)), e.getMessage());
    }
}
