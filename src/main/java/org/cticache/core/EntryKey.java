package org.cticache.core;

/** Identifies one cache entry: the DNIS a call was transferred to and the ANI it came from. */
public record EntryKey(Dnis dnis, Ani ani) {

    /** Parses the {@code <dnis>:<ani>} form used in URL paths, normalizing both numbers by separators only. */
    public static EntryKey parse(String text) {
        return NumberPlan.separatorsOnly().key(text);
    }

    @Override
    public String toString() {
        return dnis + ":" + ani;
    }
}
