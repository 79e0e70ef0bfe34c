package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskedAniTest {

    @Test
    void showsOnlyTheLastFourDigits() {
        assertEquals("******7890", MaskedAni.of("1234567890"));
        assertEquals("*7890", MaskedAni.of("67890"));
    }

    @Test
    void keepsALeadingPlus() {
        assertEquals("+******3456", MaskedAni.of("+4930123456"));
    }

    @Test
    void masksANumberOfFewerThanFiveDigitsWhole() {
        assertEquals("****", MaskedAni.of("1234"));
        assertEquals("+*", MaskedAni.of("+1"));
    }

    @Test
    void leavesAWithheldCallerAsAnonymous() {
        assertEquals("anonymous", MaskedAni.of("anonymous"));
    }

    @Test
    void showsADashForNoNumber() {
        assertEquals("-", MaskedAni.of(null));
        assertEquals("-", MaskedAni.of(""));
    }
}
