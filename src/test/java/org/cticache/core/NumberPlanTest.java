package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberPlanTest {

    private final NumberPlan us = new NumberPlan("US", Set.of());
    private final NumberPlan withheld = new NumberPlan(null, Set.of("Anonymous", "restricted", " private "));

    @ParameterizedTest
    @ValueSource(strings = {"5551234567", "15551234567", "+15551234567", "+1 (555) 123-4567", "555.123.4567",
            "tel:+1-555-123-4567", "1-555-123-4567"})
    void everyFormOfOneUsNumberIsOneE164Number(String raw) {
        assertEquals(new Ani("+15551234567"), us.ani(raw));
        assertEquals(new Dnis("+15551234567"), us.dnis(raw));
    }

    @Test
    void aNumberOfAnotherCountryKeepsItsCountryCode() {
        assertEquals(new Ani("+493012345678"), us.ani("+49 30 12345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "+1 555", ""})
    void aNumberThatCannotBeOneOfTheRegionIsRejected(String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> us.ani(raw));
        assertTrue(e.getMessage().contains("ani '"), e.getMessage());
    }

    @Test
    void keysInAnyFormAddressTheCanonicalEntry() {
        EntryKey expected = new EntryKey(new Dnis("+15551234500"), new Ani("+19123456789"));
        assertEquals(expected, us.key("5551234500:(912) 345-6789"));
        assertEquals(expected, us.key("tel:+1-555-123-4500:tel:+1-912-345-6789"));
        assertEquals(expected, us.key("+15551234500:19123456789"));
    }

    @Test
    void aKeyWithAThirdPartIsStillRejected() {
        assertThrows(InvalidInputException.class, () -> us.key("5551234500:9123456789:1"));
    }

    @Test
    void withoutARegionOnlySeparatorsAreRemoved() {
        NumberPlan plain = NumberPlan.separatorsOnly();
        assertEquals(new Ani("15551234567"), plain.ani("1 (555) 123-4567"));
        assertThrows(InvalidInputException.class, () -> plain.ani("tel:+1-555-123-4567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "ANONYMOUS", "Restricted", "private", "", "   "})
    void withheldCallersAreOneAnonymousAni(String raw) {
        assertEquals(new Ani(NumberPlan.ANONYMOUS), withheld.ani(raw));
    }

    @Test
    void aMissingAniIsAnonymousWhereWithheldCallersAreAccepted() {
        assertEquals(new Ani(NumberPlan.ANONYMOUS), withheld.ani(null));
        assertEquals(new EntryKey(new Dnis("5551234500"), new Ani(NumberPlan.ANONYMOUS)), withheld.key("5551234500:"));
    }

    @Test
    void withoutTokensAMissingOrAnonymousAniIsAnError() {
        NumberPlan plain = NumberPlan.separatorsOnly();
        assertThrows(InvalidInputException.class, () -> plain.ani(null));
        assertThrows(InvalidInputException.class, () -> plain.ani(""));
        assertThrows(InvalidInputException.class, () -> plain.ani("anonymous"));
    }

    @Test
    void anUnknownRegionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NumberPlan("XX", Set.of()));
        assertTrue(e.getMessage().contains("'XX'"), e.getMessage());
    }

    @Test
    void poolsAreCanonicalToo() {
        DnisPool pool = DnisPool.parse("default", "5551234500-5551234502", us);
        assertEquals(List.of(new Dnis("+15551234500"), new Dnis("+15551234501"), new Dnis("+15551234502")),
                pool.numbers());
    }

    @Test
    void twoSpellingsOfOneNumberInAPoolAreADuplicate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DnisPool.parse("default", "5551234500,15551234500", us));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void theWordAnonymousIsWithheldWhateverWordsAreConfigured() {
        NumberPlan plan = new NumberPlan("US", Set.of("restricted"));
        assertEquals(new Ani(NumberPlan.ANONYMOUS), plan.ani("Anonymous"));
        assertEquals(new Ani(NumberPlan.ANONYMOUS), plan.key("5551234500:anonymous").ani());
    }
}
