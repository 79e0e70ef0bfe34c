package org.cticache.core;

/** A dialled number: what system X transfers the call to and what system Y sees the call arrive on. */
public record Dnis(String value) {

    /** Normalizes a DNIS from the wire or from a pool definition; rejects anything that is not a number. */
    public static Dnis parse(String raw) {
        return new Dnis(PhoneNumbers.normalize(raw, "dnis"));
    }

    @Override
    public String toString() {
        return value;
    }
}
