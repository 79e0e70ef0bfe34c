package org.cticache.core;

/** The store did not answer in time or refused the connection; the request may be retried. */
public final class StoreUnavailableException extends DomainException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
