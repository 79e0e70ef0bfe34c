package org.cticache.testing.redis;

import java.time.Duration;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/** Bounded polling, so no wait on a topology can hang a build and every timeout says what it saw last. */
final class Await {

    private static final long INTERVAL_MILLIS = 50;

    private Await() {
    }

    /** What one look found: the awaited value, or a description of the state that is not there yet. */
    record Poll<T>(boolean done, T value, String observed) {

        static <T> Poll<T> done(T value) {
            return new Poll<>(true, value, null);
        }

        static <T> Poll<T> pending(String observed) {
            return new Poll<>(false, null, observed);
        }
    }

    /**
     * Looks until a look is done or max has passed; a Redis error counts as "not yet" (a node may be starting or
     * dead on purpose), any other exception ends the wait at once.
     */
    static <T> T until(String what, Duration max, Supplier<Poll<T>> look) {
        long deadline = System.nanoTime() + max.toNanos();
        String observed = "nothing";
        while (true) {
            try {
                Poll<T> poll = look.get();
                if (poll.done()) {
                    return poll.value();
                }
                observed = poll.observed();
            } catch (JedisException e) {
                observed = e.toString();
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("waited " + max.toMillis() + " ms for " + what
                        + ", in vain; last seen: " + observed);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
