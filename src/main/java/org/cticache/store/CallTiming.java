package org.cticache.store;

/** Told how long each call to Redis took, retries and the wait for a connection included. */
public interface CallTiming {

    /** What a call does. */
    enum Call {
        ALLOCATE, PEEK, TAKE, COUNT, PING
    }

    void record(Call call, long nanos);
}
