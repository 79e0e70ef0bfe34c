package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire form of a number, through the public parsers {@link Dnis#parse} and {@link Ani#parse}. */
class PhoneNumbersTest {

    private static final NumberPlan PLAIN = NumberPlan.separatorsOnly();

    private static final String DIGITS_32 = "12345678901234567890123456789012";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5551234500         | 5551234500",
            "555 123 4500       | 5551234500",
            "555-123-4500       | 5551234500",
            "555.123.4500       | 5551234500",
            "(555)123-4500      | 5551234500",
            "(555) 123-4500     | 5551234500",
            "+1 (555) 123-4500  | +15551234500",
            "+49.30.1234-5678   | +493012345678",
    })
    void separatorsAreRemoved(String raw, String normalized) {
        assertEquals(normalized, PLAIN.dnis(raw).value());
        assertEquals(normalized, PLAIN.ani(raw).value());
    }

    @Test
    void leadingPlusIsKept() {
        assertEquals("+4930123456", PLAIN.ani("+4930123456").value());
    }

    @Test
    void plusAfterLeadingSeparatorsIsStillLeading() {
        // The rule applies after the separators are gone, so "( +1) 555" is "+1555".
        assertEquals("+1555", PLAIN.ani("( +1) 555").value());
    }

    @Test
    void oneDigitIsANumber() {
        assertEquals("7", PLAIN.dnis("7").value());
    }

    @Test
    void thirtyTwoDigitsAreANumber() {
        assertEquals(DIGITS_32, PLAIN.dnis(DIGITS_32).value());
        assertEquals("+" + DIGITS_32, PLAIN.dnis("+" + DIGITS_32).value());
    }

    @Test
    void separatorsDoNotCountTowardsTheThirtyTwoDigits() {
        String spaced = String.join(" ", DIGITS_32.split("(?<=\\G....)"));
        assertEquals(DIGITS_32, PLAIN.ani(spaced).value());
    }

    @Test
    void thirtyThreeDigitsAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.dnis(DIGITS_32 + "3"));
        assertTrue(e.getMessage().contains("1 to 32 digits"), e.getMessage());
    }

    @Test
    void thirtyThreeDigitsAreRejectedEvenWithSeparatorsAndPlus() {
        assertThrows(InvalidInputException.class, () -> PLAIN.ani("+(" + DIGITS_32 + ") 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "555-CALL-NOW", "abc", "5551234500x12", "", " ", "-.() ", "+", "+ ", "555+1234", "1+", "++1",
            "555\t1234", "\t5551234500", "5551234500\n", "555_1234", "555/1234", "555:1234", "#5551234500",
            "\u0665\u0665\u0665", "\uFF15\uFF15\uFF15",
    })
    void anythingButSeparatorsLeadingPlusAndDigitsIsRejected(String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.ani(raw));
        assertTrue(e.getMessage().contains("is not a telephone number"), e.getMessage());
    }

    @Test
    void messageQuotesTheInputAndSaysWhatANumberIs() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.dnis("555-CALL-NOW"));
        assertEquals("dnis '555-CALL-NOW' is not a telephone number: without the separators space, '-', '.', '('"
                + " and ')' it must be an optional '+' followed by 1 to 32 digits", e.getMessage());
    }

    @Test
    void messageNamesTheFieldItCameFrom() {
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.dnis("x")).getMessage().startsWith("dnis "));
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.ani("x")).getMessage().startsWith("ani "));
    }

    @Test
    void emptyAndSeparatorOnlyInputsAreRejectedWithTheStandardMessage() {
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.ani(""))
                .getMessage().startsWith("ani '' is not a telephone number"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PLAIN.ani("(--)"))
                .getMessage().startsWith("ani '(--)' is not a telephone number"));
    }

    @Test
    void hugeInputIsAbbreviatedInTheMessage() {
        String huge = "x".repeat(10_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PLAIN.ani(huge));
        assertFalse(e.getMessage().contains(huge), "the whole input must not be echoed");
        assertTrue(e.getMessage().contains("x".repeat(40) + "..."), e.getMessage());
    }

    @Test
    void missingNumberSaysItIsMissing() {
        assertEquals("field 'ani' is missing; it holds the caller's number",
                assertThrows(InvalidInputException.class, () -> PLAIN.ani(null)).getMessage());
        assertEquals("field 'dnis' is missing; it holds the dialled number",
                assertThrows(InvalidInputException.class, () -> PLAIN.dnis(null)).getMessage());
    }

    @Test
    void toStringIsTheNormalizedNumber() {
        assertEquals("+15551234500", PLAIN.dnis("+1 555 123 4500").toString());
        assertEquals("5551234500", PLAIN.ani("555.123.4500").toString());
    }

    @Test
    void equalAfterNormalization() {
        assertEquals(PLAIN.ani("(555) 123-4500"), PLAIN.ani("555.123.4500"));
    }
}
