package org.cticache.core;

/** The request itself is wrong (a bad number, field, pool or ttl); the message tells the client what. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message, null);
    }
}
