package org.cticache.core;

/** The caller's number as presented to both telephony systems. */
public record Ani(String value) {

    /** Normalizes an ANI from the wire; rejects anything that is not a number. */
    public static Ani parse(String raw) {
        return new Ani(PhoneNumbers.normalize(raw, "ani"));
    }

    @Override
    public String toString() {
        return value;
    }
}
