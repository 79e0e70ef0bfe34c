package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryKeyTest {

    @Test
    void bothNumbersAreNormalized() {
        EntryKey key = EntryKey.parse("555.123.4500:(912)345-6789");
        assertEquals(new Dnis("5551234500"), key.dnis());
        assertEquals(new Ani("9123456789"), key.ani());
        assertEquals("5551234500:9123456789", key.toString());
    }

    @Test
    void leadingPlusIsKeptOnBothSides() {
        EntryKey key = EntryKey.parse("+1 555 123 4568:+49 30 123456");
        assertEquals("+15551234568", key.dnis().value());
        assertEquals("+4930123456", key.ani().value());
        assertEquals("+15551234568:+4930123456", key.toString());
    }

    @Test
    void separatorsAroundTheColonAreJustSeparators() {
        assertEquals("5551234568:1234567890", EntryKey.parse("5551234568 : 1234567890").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5551234568:1234567890", "555.123.4568:(123) 456-7890", "+15551234568:+4930123456",
            "0:0", "007:0049"})
    void toStringParsesBackToTheSameKey(String text) {
        EntryKey key = EntryKey.parse(text);
        assertEquals(key, EntryKey.parse(key.toString()));
        assertEquals(key.toString(), EntryKey.parse(key.toString()).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"55512345681234567890", "", "5551234568-1234567890", "5551234568;1234567890"})
    void keyWithoutColonIsRejected(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EntryKey.parse(text));
        assertTrue(e.getMessage().contains("must be <dnis>:<ani>"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"555:123:456", "555::123", "::", "555:123:"})
    void keyWithTwoColonsIsRejected(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EntryKey.parse(text));
        assertTrue(e.getMessage().contains("two numbers joined by one ':'"), e.getMessage());
    }

    @Test
    void emptyDnisIsRejectedNamingTheDnis() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EntryKey.parse(":1234567890"));
        assertTrue(e.getMessage().startsWith("dnis ''"), e.getMessage());
    }

    @Test
    void emptyAniIsRejectedNamingTheAni() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EntryKey.parse("5551234568:"));
        assertTrue(e.getMessage().startsWith("ani ''"), e.getMessage());
    }

    @Test
    void loneColonIsRejected() {
        assertThrows(InvalidInputException.class, () -> EntryKey.parse(":"));
    }

    @Test
    void invalidNumberOnEitherSideIsRejectedNamingThatSide() {
        assertTrue(assertThrows(InvalidInputException.class, () -> EntryKey.parse("abc:1234567890"))
                .getMessage().startsWith("dnis 'abc'"));
        assertTrue(assertThrows(InvalidInputException.class, () -> EntryKey.parse("5551234568:12+34"))
                .getMessage().startsWith("ani '12+34'"));
    }

    @Test
    void longMalformedKeyIsAbbreviatedInTheMessage() {
        String text = "1".repeat(5_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EntryKey.parse(text));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
}
