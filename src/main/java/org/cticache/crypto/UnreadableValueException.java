package org.cticache.crypto;

/** A stored value that does not open: the message says why, without quoting the value or any key. */
public final class UnreadableValueException extends Exception {

    UnreadableValueException(String reason) {
        super(reason, null, false, false);
    }
}
