package org.cticache.core;

/** No live entry under a key: never stored, already consumed, or expired. */
public final class EntryNotFoundException extends DomainException {

    public EntryNotFoundException(EntryKey key) {
        super("no live entry for " + key + ": never stored, already consumed, or expired", null);
    }
}
