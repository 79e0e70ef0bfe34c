package org.cticache.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The DNIS numbers that route to one target system. Identity matters: the store keeps what it derives from a
 * pool per pool, so two pools with the same numbers are still two pools.
 */
public final class DnisPool {

    /** Caps what Redis keeps per pool and per caller holding much of it (a bitmap of the pool, see holdings.lua). */
    public static final int MAX_SIZE = 10_000;

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1," + PhoneNumbers.MAX_DIGITS + "}");

    private final String name;
    private final List<Dnis> numbers;
    private final boolean matchedByDnis;
    private final Map<Dnis, Integer> positions = new HashMap<>();

    private DnisPool(String name, List<Dnis> numbers, boolean matchedByDnis) {
        this.name = name;
        this.numbers = List.copyOf(numbers);
        this.matchedByDnis = matchedByDnis;
        for (int i = 0; i < numbers.size(); i++) {
            positions.put(numbers.get(i), i);
        }
    }

    /**
     * Parses a pool definition: numbers and inclusive ranges, comma-separated, such as
     * {@code 5551234500-5551234599,5559870000}. Throws IllegalArgumentException saying what is wrong.
     */
    public static DnisPool parse(String name, String definition) {
        return parse(name, definition, NumberPlan.separatorsOnly());
    }

    /** Like {@link #parse(String, String)}, each number then put into the plan's canonical form. */
    public static DnisPool parse(String name, String definition, NumberPlan plan) {
        List<Dnis> numbers = new ArrayList<>();
        Set<Dnis> seen = new HashSet<>();
        for (String element : definition.split(",", -1)) {
            String item = element.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty element; expected numbers and ranges such as"
                        + " 5551234500-5551234599,5559870000");
            }
            for (Dnis listed : expand(item)) {
                Dnis dnis = canonical(listed, plan);
                if (!seen.add(dnis)) {
                    throw new IllegalArgumentException("number " + dnis + " is listed twice");
                }
                numbers.add(dnis);
                if (numbers.size() > MAX_SIZE) {
                    throw new IllegalArgumentException("more than " + MAX_SIZE + " numbers");
                }
            }
        }
        return new DnisPool(name, numbers, false);
    }

    /**
     * The same numbers matched by DNIS alone: at most one live entry per DNIS whatever the ANI, for networks that
     * rewrite the caller's number on the way to the target system.
     */
    public DnisPool matchedByDnis() {
        return new DnisPool(name, numbers, true);
    }

    public boolean isMatchedByDnis() {
        return matchedByDnis;
    }

    private static Dnis canonical(Dnis listed, NumberPlan plan) {
        try {
            return plan.dnis(listed.value());
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static List<Dnis> expand(String item) {
        int dash = item.indexOf('-');
        if (dash < 0) {
            return List.of(new Dnis(number(item)));
        }
        String first = number(item.substring(0, dash).strip());
        String last = number(item.substring(dash + 1).strip());
        if (first.length() != last.length() || first.startsWith("+") != last.startsWith("+")) {
            throw new IllegalArgumentException("range " + item + " must have both ends of the same length");
        }
        boolean plus = first.startsWith("+");
        BigInteger low = new BigInteger(plus ? first.substring(1) : first);
        BigInteger high = new BigInteger(plus ? last.substring(1) : last);
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("range " + item + " runs backwards");
        }
        if (high.subtract(low).compareTo(BigInteger.valueOf(MAX_SIZE)) >= 0) {
            throw new IllegalArgumentException("range " + item + " has more than " + MAX_SIZE + " numbers");
        }
        int digits = plus ? first.length() - 1 : first.length();
        List<Dnis> range = new ArrayList<>();
        for (BigInteger n = low; n.compareTo(high) <= 0; n = n.add(BigInteger.ONE)) {
            String text = n.toString();
            range.add(new Dnis((plus ? "+" : "") + "0".repeat(digits - text.length()) + text));
        }
        return range;
    }

    private static String number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Abbreviation.of(text) + "' is not a number or range of"
                    + " numbers (an optional '+' and 1 to " + PhoneNumbers.MAX_DIGITS + " digits, no separators)");
        }
        return text;
    }

    public String name() {
        return name;
    }

    /** The numbers in the order the definition lists them, which is the order of rotation. */
    public List<Dnis> numbers() {
        return numbers;
    }

    /** Where the DNIS is in the rotation, from 0; throws IllegalArgumentException for a number not in the pool. */
    public int position(Dnis dnis) {
        Integer position = positions.get(dnis);
        if (position == null) {
            throw new IllegalArgumentException("DNIS " + dnis + " is not in pool '" + name + "'");
        }
        return position;
    }

    public int size() {
        return numbers.size();
    }

    @Override
    public String toString() {
        return name + " (" + numbers.size() + " numbers" + (matchedByDnis ? ", matched by DNIS" : "") + ")";
    }
}
