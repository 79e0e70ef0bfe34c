package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    @Property
    void anyTextIsANumberWithoutSeparatorsOrInvalid(@ForAll("numberLike") String raw) {
        numberOrInvalid(() -> plain.ani(raw).value(), SEPARATORS_ONLY);
        numberOrInvalid(() -> plain.dnis(raw).value(), SEPARATORS_ONLY);
    }

    @Property
    void anyTextIsAnE164NumberOrInvalidInARegion(@ForAll("numberLike") String raw) {
        numberOrInvalid(() -> us.ani(raw).value(), E164);
        numberOrInvalid(() -> us.dnis(raw).value(), E164);
        String ani = numberOrInvalid(() -> germanyWithheld.ani(raw).value(),
                Pattern.compile(E164.pattern() + "|" + NumberPlan.ANONYMOUS));
        if (ani != null) {
            assertEquals(ani, germanyWithheld.ani(ani).value(), "the canonical form is its own canonical form");
        }
    }

    @Property
    void anyPathKeyIsAnEntryKeyOrInvalid(@ForAll("keyLike") String key) {
        for (NumberPlan plan : new NumberPlan[] {plain, us, germanyWithheld}) {
            try {
                EntryKey parsed = plan.key(key);
                assertEquals(parsed, plan.key(parsed.dnis().value() + ":" + parsed.ani().value()));
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        }
    }

    /** Mostly digits and separators, so that many are numbers, with any other character mixed in. */
    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789+-.() ").ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789+-.() :tel\u0660\uff15\u00a0\t").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> keyLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789+-.() :tel").ofMaxLength(50),
                numberLike().list().ofMaxSize(3).map(parts -> String.join(":", parts)));
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
