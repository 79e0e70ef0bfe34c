package org.cticache.core;

/** An Idempotency-Key that is still live came back with a different request. */
public final class IdempotencyConflictException extends DomainException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + Abbreviation.of(key) + "' was already used for a different request within the"
                + " entry's lifetime; use a new key for a new request", null);
    }
}
