package org.cticache.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolEncodingTest {

    private static List<String> encode(String definition) {
        return PoolEncoding.encode(DnisPool.parse("test", definition));
    }

    /**
     * Expands the runs as allocate.lua does: {@code head .. string.format('%0' .. width .. 'd', first + i)} for i
     * from 0 below count.
     */
    private static List<String> decode(List<String> arguments) {
        assertEquals(0, arguments.size() % 4, "runs are four arguments each: " + arguments);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 4) {
            String head = arguments.get(i);
            int width = Integer.parseInt(arguments.get(i + 1));
            long first = Long.parseLong(arguments.get(i + 2));
            long count = Long.parseLong(arguments.get(i + 3));
            for (long n = 0; n < count; n++) {
                numbers.add(head + String.format("%0" + width + "d", first + n));
            }
        }
        return numbers;
    }

    @Test
    void hundredNumberRangeIsOneRun() {
        assertEquals(List.of("5551", "6", "234500", "100"), encode("5551234500-5551234599"));
    }

    @Test
    void rangeCrossingAMillionBoundaryMakesTwoRuns() {
        assertEquals(List.of("5551", "6", "999990", "10", "5552", "6", "0", "10"), encode("5551999990-5552000009"));
    }

    @Test
    void singleNumberIsARunOfOne() {
        assertEquals(List.of("5559", "6", "870000", "1"), encode("5559870000"));
    }

    @Test
    void separateSingleNumbersAreSeparateRuns() {
        assertEquals(List.of("5559", "6", "870000", "1", "5551", "6", "234500", "1"), encode("5559870000,5551234500"));
    }

    @Test
    void consecutiveSingleNumbersJoinOneRun() {
        assertEquals(List.of("5551", "6", "234500", "3"), encode("5551234500,5551234501,5551234502"));
    }

    @Test
    void rangeFollowedByItsNextNumberStaysOneRun() {
        assertEquals(List.of("5551", "6", "234500", "11"), encode("5551234500-5551234509,5551234510"));
    }

    @Test
    void numbersListedOutOfOrderAreNotJoined() {
        assertEquals(List.of("", "3", "101", "1", "", "3", "100", "1"), encode("101,100"));
    }

    @Test
    void shortNumbersAreAllTail() {
        assertEquals(List.of("", "3", "100", "5"), encode("100-104"));
        assertEquals(List.of("", "1", "7", "1"), encode("7"));
        assertEquals(List.of("", "5", "12345", "1"), encode("12345"));
    }

    @Test
    void sixDigitNumbersAreAllTail() {
        assertEquals(List.of("", "6", "999998", "2"), encode("999998-999999"));
    }

    @Test
    void leadingZerosStayInTheHeadOrTheTailWidth() {
        assertEquals(List.of("", "4", "98", "4"), encode("0098-0101"));
        assertEquals(List.of("0000", "6", "1", "2"), encode("0000000001-0000000002"));
    }

    @Test
    void plusNumbersKeepThePlusInTheHead() {
        assertEquals(List.of("+15551", "6", "234500", "10"), encode("+15551234500-+15551234509"));
    }

    @Test
    void shortPlusNumberHasOnlyThePlusAsHead() {
        assertEquals(List.of("+", "3", "112", "1"), encode("+112"));
    }

    @Test
    void numbersOfDifferentLengthsAreSeparateRuns() {
        assertEquals(List.of("", "2", "99", "1", "", "3", "100", "1"), encode("99,100"));
    }

    @Test
    void tailsStayFarBelowWhatALuaDoubleHoldsExactly() {
        List<String> arguments = encode("99999999999999999999999999999990-99999999999999999999999999999999");
        assertEquals(List.of("99999999999999999999999999", "6", "999990", "10"), arguments);
        for (int i = 0; i < arguments.size(); i += 4) {
            long lastTail = Long.parseLong(arguments.get(i + 2)) + Long.parseLong(arguments.get(i + 3)) - 1;
            assertTrue(lastTail < 1_000_000, "tail " + lastTail + " has more than six digits");
        }
    }

    @Test
    void maxSizePoolStaysAFewArguments() {
        List<String> arguments = encode("5550000000-5550009999");
        assertEquals(List.of("5550", "6", "0", "10000"), arguments);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "5551234500-5551234599",
            "5551999990-5552000009",
            "5559870000,5551234500-5551234502,100,099",
            "0098-0101",
            "0000000000-0000000100",
            "0999998-1000001",
            "00999998-01000001",
            "+15551234500-+15551234509,+4930100",
            "+0049999-+0050000",
            "+1",
            "7,8,9,1,0",
            "99,100,0099,00100",
            "5550999999-5551000000,5550999998",
            "99999999999999999999999999999990-99999999999999999999999999999999",
            "12345678901234567890123456789012",
    })
    void decodingTheRunsReproducesThePoolExactly(String definition) {
        DnisPool pool = DnisPool.parse("test", definition);
        List<String> expected = pool.numbers().stream().map(Dnis::value).collect(Collectors.toList());
        assertEquals(expected, decode(PoolEncoding.encode(pool)));
    }

    @Test
    void decodingAMaxSizePoolOfScatteredRangesReproducesIt() {
        StringBuilder definition = new StringBuilder();
        for (int block = 0; block < 100; block++) {
            if (block > 0) {
                definition.append(',');
            }
            // 100 ranges of 100 that each straddle a boundary of the 6-digit tail.
            long start = 5550999950L + block * 1_000_000L;
            definition.append(start).append('-').append(start + 99);
        }
        DnisPool pool = DnisPool.parse("big", definition.toString());
        assertEquals(DnisPool.MAX_SIZE, pool.size());
        List<String> arguments = PoolEncoding.encode(pool);
        assertEquals(200 * 4, arguments.size());
        assertEquals(pool.numbers().stream().map(Dnis::value).collect(Collectors.toList()), decode(arguments));
    }

    @Test
    void encodingCannotBeChangedByItsUser() {
        // The store caches one encoding per pool and shares it between requests.
        List<String> arguments = encode("100-104");
        assertThrows(UnsupportedOperationException.class, () -> arguments.set(3, "6"));
        assertEquals(List.of("", "3", "100", "5"), arguments);
    }
}
