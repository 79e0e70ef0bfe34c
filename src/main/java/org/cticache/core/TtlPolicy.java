package org.cticache.core;

/** How long entries live: the configured default and the largest lifetime a request may ask for. */
public record TtlPolicy(int defaultSeconds, int maxSeconds) {

    public TtlPolicy {
        if (defaultSeconds < 1 || defaultSeconds > maxSeconds) {
            throw new IllegalArgumentException("default ttl " + defaultSeconds + " must be between 1 and the maximum "
                    + maxSeconds);
        }
    }

    /** The lifetime for a request: its own {@code ttl} when given and allowed, the default otherwise. */
    public int resolve(Long requested) {
        if (requested == null) {
            return defaultSeconds;
        }
        if (requested < 1 || requested > maxSeconds) {
            throw new InvalidInputException("ttl " + requested + " is out of range: it must be 1 to " + maxSeconds
                    + " seconds");
        }
        return requested.intValue();
    }
}
