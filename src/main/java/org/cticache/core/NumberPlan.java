package org.cticache.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How numbers from the wire, from pool definitions and from keys become the one form cticache stores and
 * matches: by default the visual separators are removed; with a region, every number is parsed as a phone number
 * of that region and kept in E.164, so {@code 5551234567}, {@code +1 (555) 123-4567} and
 * {@code tel:+1-555-123-4567} are one number. With anonymous tokens, a withheld caller (no ANI, an empty one, or
 * one of the tokens) becomes the one ANI {@value #ANONYMOUS}.
 */
public final class NumberPlan {

    /** The ANI every withheld caller is stored under when withheld callers are accepted. */
    public static final String ANONYMOUS = "anonymous";

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private final String region;
    private final Set<String> anonymousTokens;

    /**
     * @param region          an ISO 3166 region such as "US", or null for separator stripping only
     * @param anonymousTokens lower-case words that mean "withheld"; empty: a missing ANI stays an error
     */
    public NumberPlan(String region, Set<String> anonymousTokens) {
        if (region != null && !PHONE_NUMBERS.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("'" + region + "' is not a region libphonenumber knows; use an ISO"
                    + " 3166 code such as US, GB or DE");
        }
        this.region = region;
        this.anonymousTokens = anonymousTokens.stream().map(token -> token.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Today's contract: separators removed, nothing else. */
    public static NumberPlan separatorsOnly() {
        return new NumberPlan(null, Set.of());
    }

    public Dnis dnis(String raw) {
        return new Dnis(canonical(raw, "dnis"));
    }

    /**
     * The caller's number; null or empty only where withheld callers are accepted. There the word
     * {@value #ANONYMOUS} is always withheld, whatever words are configured: it is what entries are stored under,
     * so the Location of every such entry must work.
     */
    public Ani ani(String raw) {
        if (!anonymousTokens.isEmpty() && (raw == null || raw.isBlank()
                || anonymousTokens.contains(raw.strip().toLowerCase(Locale.ROOT))
                || raw.strip().equalsIgnoreCase(ANONYMOUS))) {
            return new Ani(ANONYMOUS);
        }
        return new Ani(canonical(raw, "ani"));
    }

    /** Parses the {@code <dnis>:<ani>} form used in URL paths, both numbers in this plan. */
    public EntryKey key(String text) {
        int colon = text.indexOf(':', telPrefix(text));
        String ani = colon < 0 ? null : text.substring(colon + 1);
        if (colon < 0 || ani.indexOf(':', telPrefix(ani)) >= 0) {
            throw new InvalidInputException("key '" + Abbreviation.of(text)
                    + "' must be <dnis>:<ani>, two numbers joined by one ':'");
        }
        return new EntryKey(dnis(text.substring(0, colon)), ani(ani));
    }

    /** The length of a leading "tel:" that a region plan reads as part of the number, else 0. */
    private int telPrefix(String text) {
        return region != null && text.regionMatches(true, 0, "tel:", 0, 4) ? 4 : 0;
    }

    private String canonical(String raw, String what) {
        if (region == null || raw == null) {
            return PhoneNumbers.normalize(raw, what);
        }
        try {
            PhoneNumber parsed = PHONE_NUMBERS.parse(raw.strip(), region);
            if (PHONE_NUMBERS.isPossibleNumber(parsed)) {
                return PHONE_NUMBERS.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // answered below
        }
        throw new InvalidInputException(what + " '" + Abbreviation.of(raw) + "' is not a possible telephone number"
                + " of region " + region);
    }
}
