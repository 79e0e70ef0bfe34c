package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cticache.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * Whatever text arrives as a number (an ANI in a body, a key in a path), every number plan answers a number in
 * its canonical form or an {@link InvalidInputException}, the 400 that names the number.
 */
class NumberPlanPropertyTest {

    private static final Pattern SEPARATORS_ONLY = Pattern.compile("\\+?[0-9]{1,32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,16}");

    private final NumberPlan plain = NumberPlan.separatorsOnly();
    private final NumberPlan us = new NumberPlan("US", Set.of());
    private final NumberPlan germanyWithheld = new NumberPlan("DE", Set.of("anonymous", "private"));

    private static final int SAMPLES = 2000;

    @Test
    void anyTextIsANumberWithoutSeparatorsOrInvalid() {
        Samples.check(SAMPLES, random -> {
            String raw = numberLike(random);
            numberOrInvalid(() -> plain.ani(raw).value(), SEPARATORS_ONLY);
            numberOrInvalid(() -> plain.dnis(raw).value(), SEPARATORS_ONLY);
        });
    }

    @Test
    void anyTextIsAnE164NumberOrInvalidInARegion() {
        Samples.check(SAMPLES, random -> {
            String raw = numberLike(random);
            numberOrInvalid(() -> us.ani(raw).value(), E164);
            numberOrInvalid(() -> us.dnis(raw).value(), E164);
            String ani = numberOrInvalid(() -> germanyWithheld.ani(raw).value(),
                    Pattern.compile(E164.pattern() + "|" + NumberPlan.ANONYMOUS));
            if (ani != null) {
                assertEquals(ani, germanyWithheld.ani(ani).value(), "the canonical form is its own canonical form");
            }
        });
    }

    @Test
    void anyPathKeyIsAnEntryKeyOrInvalid() {
        Samples.check(SAMPLES, random -> {
            String third = random.nextInt(4) == 0 ? ":" + numberLike(random) : "";
            String key = random.nextBoolean() ? random.string("0123456789+-.() :tel", 50)
                    : numberLike(random) + ":" + numberLike(random) + third;
            for (NumberPlan plan : new NumberPlan[] {plain, us, germanyWithheld}) {
                try {
                    EntryKey parsed = plan.key(key);
                    assertEquals(parsed, plan.key(parsed.dnis().value() + ":" + parsed.ani().value()));
                } catch (InvalidInputException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                }
            }
        });
    }

    /** Mostly digits and separators, so that many are numbers, with any other character mixed in. */
    private static String numberLike(Samples random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.string("0123456789+-.() ", 40);
            case 1 -> random.string("0123456789+-.() :tel\u0660\uff15\u00a0\t", 40);
            default -> random.anyString(40);
        };
    }

    /** The number, checked against the plan's canonical form, or null when the plan refused it as invalid input. */
    private static String numberOrInvalid(Supplier<String> parsing, Pattern canonical) {
        String number;
        try {
            number = parsing.get();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return null;
        }
        assertTrue(canonical.matcher(number).matches(), () -> "not canonical: '" + number + "'");
        return number;
    }
}
