package org.cticache.core;

/** The caller's number as presented to both telephony systems. */
public record Ani(String value) {

    @Override
    public String toString() {
        return value;
    }
}
