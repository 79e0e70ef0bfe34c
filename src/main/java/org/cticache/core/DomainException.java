package org.cticache.core;

/** A request the domain refuses; each subtype is one kind of answer a client can act on. */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, EntryNotFoundException, PoolExhaustedException, StoreUnavailableException,
        IdempotencyConflictException, UnreadableEntryException {

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
