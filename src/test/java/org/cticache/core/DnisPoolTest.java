package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnisPoolTest {

    private static List<String> numbers(String definition) {
        return DnisPool.parse("test", definition).numbers().stream().map(Dnis::value).collect(Collectors.toList());
    }

    private static String failure(String definition) {
        return assertThrows(IllegalArgumentException.class, () -> DnisPool.parse("test", definition)).getMessage();
    }

    @Test
    void rangeIncludesBothEnds() {
        List<String> numbers = numbers("5551234500-5551234599");
        assertEquals(100, numbers.size());
        assertEquals("5551234500", numbers.get(0));
        assertEquals("5551234501", numbers.get(1));
        assertEquals("5551234599", numbers.get(99));
    }

    @Test
    void rangeOfOneNumberIsThatNumber() {
        assertEquals(List.of("5551234500"), numbers("5551234500-5551234500"));
    }

    @Test
    void singleNumber() {
        DnisPool pool = DnisPool.parse("sales", "5559870000");
        assertEquals(List.of(new Dnis("5559870000")), pool.numbers());
        assertEquals(1, pool.size());
    }

    @Test
    void orderIsKeptAsListed() {
        assertEquals(List.of("5559870000", "5551234500", "5551234501", "5551234502", "100", "099"),
                numbers("5559870000,5551234500-5551234502,100,099"));
    }

    @Test
    void whitespaceAroundCommasAndDashesIsIgnored() {
        assertEquals(List.of("100", "200", "201", "202", "300"), numbers("  100 ,\t200 - 202 ,\n300  "));
    }

    @Test
    void plusRangeKeepsThePlus() {
        assertEquals(List.of("+4930100", "+4930101", "+4930102"), numbers("+4930100-+4930102"));
    }

    @Test
    void leadingZerosAreKept() {
        assertEquals(List.of("0098", "0099", "0100", "0101"), numbers("0098-0101"));
        assertEquals(List.of("007"), numbers("007"));
        assertEquals(List.of("+0049999", "+0050000"), numbers("+0049999-+0050000"));
    }

    @Test
    void leadingZerosMakeADifferentNumber() {
        assertEquals(List.of("0100", "100"), numbers("0100,100"));
    }

    @Test
    void rangeBeyondTheRangeOfALongIsExact() {
        String low = "99999999999999999999999999999998";
        assertEquals(List.of(low, "99999999999999999999999999999999"), numbers(low + "-99999999999999999999999999999999"));
    }

    @Test
    void backwardsRangeIsRejected() {
        String message = failure("5551234599-5551234500");
        assertTrue(message.contains("5551234599-5551234500"), message);
        assertTrue(message.contains("runs backwards"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99-100", "5551234500-555123459", "+123-124", "+12-123", "123-+12"})
    void rangeWithEndsOfDifferentLengthsIsRejected(String range) {
        String message = failure(range);
        assertTrue(message.contains("range " + range), message);
        assertTrue(message.contains("same length"), message);
    }

    @Test
    void duplicateNumberIsRejected() {
        assertEquals("number 5559870000 is listed twice", failure("5559870000,5551234500,5559870000"));
    }

    @Test
    void overlappingRangesAreRejected() {
        assertEquals("number 5551234503 is listed twice", failure("5551234500-5551234505,5551234503-5551234510"));
    }

    @Test
    void numberInsideAnEarlierRangeIsRejected() {
        assertEquals("number 102 is listed twice", failure("100-105,102"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "100,,200", "100,", ",100", "100, ,200"})
    void emptyElementIsRejected(String definition) {
        assertTrue(failure(definition).startsWith("empty element"), definition);
    }

    @Test
    void poolOfExactlyMaxSizeIsAccepted() {
        DnisPool pool = DnisPool.parse("big", "5550000000-5550009999");
        assertEquals(DnisPool.MAX_SIZE, pool.size());
        assertEquals("5550009999", pool.numbers().get(DnisPool.MAX_SIZE - 1).value());
    }

    @Test
    void rangeOfMoreThanMaxSizeIsRejected() {
        String message = failure("5550000000-5550010000");
        assertTrue(message.contains("more than " + DnisPool.MAX_SIZE), message);
    }

    @Test
    void poolOfMoreThanMaxSizeAcrossElementsIsRejected() {
        assertEquals("more than " + DnisPool.MAX_SIZE + " numbers", failure("5550000000-5550009999,5559999999"));
        assertEquals("more than " + DnisPool.MAX_SIZE + " numbers",
                failure("5550000000-5550004999,5560000000-5560004999,5570000000"));
    }

    @Test
    void hugeRangeIsRejectedWithoutExpandingIt() {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> failure("00000000000000000000-99999999999999999999"));
        assertTrue(message.contains("more than " + DnisPool.MAX_SIZE), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "555CALL", "555.1234", "(555)1234", "555 1234", "1-2-3", "-100", "100-",
            "+", "++100", "100+", "5551234500-abc", "123456789012345678901234567890123"})
    void nonNumericElementIsRejectedQuotingIt(String element) {
        String message = failure("5559870000," + element);
        assertTrue(message.contains("is not a number or range of numbers"), message);
    }

    @Test
    void nonNumericMessageQuotesTheBadText() {
        String message = failure("5559870000,555CALL");
        assertTrue(message.startsWith("'555CALL' is not a number"), message);
        assertTrue(message.contains("1 to 32 digits"), message);
    }

    @Test
    void poolKnowsItsNameAndSize() {
        DnisPool pool = DnisPool.parse("sales", "100-102");
        assertEquals("sales", pool.name());
        assertEquals(3, pool.size());
        assertEquals("sales (3 numbers)", pool.toString());
    }

    @Test
    void numbersCannotBeChangedFromOutside() {
        DnisPool pool = DnisPool.parse("sales", "100-102");
        assertThrows(UnsupportedOperationException.class, () -> pool.numbers().add(new Dnis("999")));
        assertEquals(3, pool.size());
    }

    @Test
    void twoPoolsWithTheSameNumbersAreDistinct() {
        // The store caches a pool's encoding per instance (see the class comment).
        assertNotEquals(DnisPool.parse("a", "100"), DnisPool.parse("a", "100"));
    }
}
