package org.cticache.core;

/** Every DNIS of a pool already holds a live entry for this ANI, so nothing can be stored without overwriting. */
public final class PoolExhaustedException extends DomainException {

    private final int retryAfterSeconds;

    public PoolExhaustedException(String pool, Ani ani, int poolSize, int retryAfterSeconds) {
        super("every DNIS of pool '" + pool + "' (" + poolSize + " numbers) already holds a live entry for this ANI;"
                + " nothing was stored", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the first of those entries expires. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
