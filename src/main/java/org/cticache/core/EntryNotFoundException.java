package org.cticache.core;

/** No live entry under a key: never stored, already consumed, or expired. */
public final class EntryNotFoundException extends DomainException {

    public EntryNotFoundException(EntryKey key) {
        this(key.toString());
    }

    public EntryNotFoundException(Dnis dnis) {
        this("DNIS " + dnis);
    }

    private EntryNotFoundException(String what) {
        super("no live entry for " + what + ": never stored, already consumed, or expired", null);
    }
}
