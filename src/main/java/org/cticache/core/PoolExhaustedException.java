package org.cticache.core;

/** Every DNIS of a pool already holds a live entry for this ANI, so nothing can be stored without overwriting. */
public final class PoolExhaustedException extends DomainException {

    private final int retryAfterSeconds;

    public PoolExhaustedException(DnisPool pool, int retryAfterSeconds) {
        super("every DNIS of pool '" + pool.name() + "' (" + pool.size() + " numbers) already holds a live entry"
                + (pool.isMatchedByDnis() ? "" : " for this ANI") + "; nothing was stored", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the first of those entries expires. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
