package org.cticache.core;

/** A dialled number: what system X transfers the call to and what system Y sees the call arrive on. */
public record Dnis(String value) {

    @Override
    public String toString() {
        return value;
    }
}
