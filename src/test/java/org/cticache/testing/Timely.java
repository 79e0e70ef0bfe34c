package org.cticache.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sees a state that lasts only a while (entries before their TTL runs out, a DNIS in its cool-down) without
 * depending on how quick the machine is. An attempt counts only if it took less than the time the state is sure to
 * last, measured on the test's own clock around the whole attempt, so that whatever it saw, it saw within that
 * time. A slower attempt proves nothing either way: it is discarded and a fresh one (new caller, new keys) is made,
 * until one is in time or the deadline passes.
 */
public final class Timely {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Timely() {
    }

    /** The observations of the first attempt that took less than {@code lasts}. */
    public static <T> T observe(Duration lasts, Supplier<T> attempt) {
        return observe(lasts, attempt, discarded -> { });
    }

    /** As {@link #observe(Duration, Supplier)}, handing each attempt that came too late to {@code discard}. */
    public static <T> T observe(Duration lasts, Supplier<T> attempt, Consumer<? super T> discard) {
        return await("an attempt that takes less than " + lasts.toMillis() + " ms").atMost(DEADLINE)
                .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> inTime(lasts, attempt, discard), Optional::isPresent).orElseThrow();
    }

    private static <T> Optional<T> inTime(Duration lasts, Supplier<T> attempt, Consumer<? super T> discard) {
        long start = System.nanoTime();
        T seen = attempt.get();
        if (System.nanoTime() - start < lasts.toNanos()) {
            return Optional.of(seen);
        }
        discard.accept(seen);
        return Optional.empty();
    }
}
