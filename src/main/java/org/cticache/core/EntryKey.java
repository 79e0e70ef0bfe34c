package org.cticache.core;

/** Identifies one cache entry: the DNIS a call was transferred to and the ANI it came from. */
public record EntryKey(Dnis dnis, Ani ani) {

    /** Parses the {@code <dnis>:<ani>} form used in URL paths, normalizing both numbers. */
    public static EntryKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            throw new InvalidInputException("key '" + Abbreviation.of(text)
                    + "' must be <dnis>:<ani>, two numbers joined by one ':'");
        }
        return new EntryKey(Dnis.parse(text.substring(0, colon)), Ani.parse(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return dnis + ":" + ani;
    }
}
