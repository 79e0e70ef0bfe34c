package org.cticache.store;

/** Told how long each call to Redis took, retries and the wait for a connection included. */
public interface CallTiming {

    /** What a call does, and whether running it twice does no harm. */
    enum Call {
        ALLOCATE(false), PEEK(true), TAKE(false), COUNT(true), PING(true);

        private final boolean idempotent;

        Call(boolean idempotent) {
            this.idempotent = idempotent;
        }

        /** Whether it may run again after a failure that leaves unknown whether it ran. */
        public boolean idempotent() {
            return idempotent;
        }
    }

    void record(Call call, long nanos);
}
