package org.cticache.testing;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Keeps several IVRs posting transfers until stopped, and records every answer with its timing. */
public final class TransferLoad {

    /** One POST: when it ran, what it got, and what it stored if it got a 201. */
    public record Outcome(long startNanos, long endNanos, String ani, String value, HttpResponse<String> response) {

        public long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }

        public boolean acknowledged() {
            return response != null && response.statusCode() == 201;
        }
    }

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    private TransferLoad(Api api, int callers) {
        threads = Executors.newFixedThreadPool(callers);
        for (int i = 0; i < callers; i++) {
            threads.submit(() -> {
                while (running.get()) {
                    String ani = Numbers.uniqueAni();
                    String value = "\"" + UUID.randomUUID() + "\"";
                    long start = System.nanoTime();
                    HttpResponse<String> response = api.create(ani, value);
                    outcomes.add(new Outcome(start, System.nanoTime(), ani, value, response));
                }
            });
        }
    }

    public static TransferLoad start(Api api, int callers) {
        return new TransferLoad(api, callers);
    }

    /** Waits until that many calls that start from now on have been acknowledged (201). */
    public void awaitAcknowledged(int calls) {
        long since = System.nanoTime();
        await(calls + " calls to be acknowledged").atMost(Duration.ofSeconds(30))
                .until(() -> acknowledgedSince(since) >= calls);
    }

    private long acknowledgedSince(long nanos) {
        synchronized (outcomes) {
            return outcomes.stream().filter(outcome -> outcome.startNanos() - nanos >= 0 && outcome.acknowledged())
                    .count();
        }
    }

    /** Stops the callers and returns every outcome in the order the calls finished. */
    public List<Outcome> stop() {
        running.set(false);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("callers still busy 30 s after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.copyOf(outcomes);
    }
}
