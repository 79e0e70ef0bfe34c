package org.cticache.core;

/** Shortens client input quoted back in an error message, so a huge or hostile string is never echoed whole. */
public final class Abbreviation {

    private static final int MAX = 40;

    private Abbreviation() {
    }

    public static String of(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
