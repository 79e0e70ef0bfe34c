package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryKeyTest {

    private static final NumberPlan PLAIN = NumberPlan.separatorsOnly();

    @Test
    void bothNumbersAreNormalized() {
        EntryKey key = PLAIN.key("555.123.4500:(912)345-6789");
        assertEquals(new Dnis("5551234500"), key.dnis());
        assertEquals(new Ani("9123456789"), key.ani());
        assertEquals("5551234500:9123456789", key.toString());
    }

    @Test
    void leadingPlusIsKeptOnBothSides() {
        EntryKey key = PLAIN.key("+1 555 123 4568:+49 30 123456");
        assertEquals("+15551234568", key.dnis().value());
        assertEquals("+4930123456", key.ani().value());
        assertEquals("+15551234568:+4930123456", key.toString());
    }

    @Test
    void separatorsAroundTheColonAreJustSeparators() {
        assertEquals("5551234568:1234567890", PLAIN.key("5551234568 : 1234567890").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5551234568:1234567890", "555.123.4568:(123) 456-7890", "+15551234568:+4930123456",
            "0:0", "007:0049"})
    void toStringParsesBackToTheSameKey(String text) {
        EntryKey key = PLAIN.key(text);
        assertEquals(key, PLAIN.key(key.toString()));
        assertEquals(key.toString(), PLAIN.key(key.toString()).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"55512345681234567890", "", "5551234568-1234567890", "5551234568;1234567890"})
    void keyWithoutColonIsRejected(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.key(text));
        assertTrue(e.getMessage().contains("must be <dnis>:<ani>"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"555:123:456", "555::123", "::", "555:123:"})
    void keyWithTwoColonsIsRejected(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.key(text));
        assertTrue(e.getMessage().contains("two numbers joined by one ':'"), e.getMessage());
    }

    @Test
    void emptyDnisIsRejectedNamingTheDnis() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.key(":1234567890"));
        assertTrue(e.getMessage().startsWith("dnis ''"), e.getMessage());
    }

    @Test
    void emptyAniIsRejectedNamingTheAni() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.key("5551234568:"));
        assertTrue(e.getMessage().startsWith("ani ''"), e.getMessage());
    }

    @Test
    void loneColonIsRejected() {
        assertThrows(InvalidInputException.class, () -> PLAIN.key(":"));
    }

    @Test
    void invalidNumberOnEitherSideIsRejectedNamingThatSide() {
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.key("abc:1234567890"))
                .getMessage().startsWith("dnis 'abc'"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.key("5551234568:12+34"))
                .getMessage().startsWith("ani '12+34'"));
    }

    @Test
    void longMalformedKeyIsAbbreviatedInTheMessage() {
        String text = "1".repeat(5_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.key(text));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
}
