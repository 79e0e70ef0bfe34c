package org.cticache.testing.sites;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cticache.testing.Api;

/**
 * Several IVRs posting transfers for a few callers (so that their DNIS can collide), and system Y taking every
 * second acknowledged entry at once; records every answer with its timing.
 */
public final class CallerLoad implements AutoCloseable {

    /** One POST; {@code response} is null when the call itself failed (no HTTP answer). */
    public record Post(long startNanos, long endNanos, String ani, String value, HttpResponse<String> response) {

        public boolean acknowledged() {
            return response != null && response.statusCode() == 201;
        }

        /** {@code <dnis>:<ani>} of an acknowledged entry. */
        public String key() {
            return Api.json(response).path("dnis").asText() + ":" + ani;
        }
    }

    /** One DELETE of an acknowledged entry. */
    public record Take(Post post, long startNanos, long endNanos, HttpResponse<String> response) {

        public int status() {
            return response == null ? -1 : response.statusCode();
        }
    }

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private final List<Take> takes = Collections.synchronizedList(new ArrayList<>());

    private CallerLoad(Api api, int callers, List<String> anis) {
        threads = Executors.newFixedThreadPool(callers);
        for (int i = 0; i < callers; i++) {
            threads.submit(() -> {
                boolean take = false;
                while (running.get()) {
                    String ani = anis.get(ThreadLocalRandom.current().nextInt(anis.size()));
                    String value = "\"" + UUID.randomUUID() + "\"";
                    long start = System.nanoTime();
                    HttpResponse<String> response;
                    try {
                        response = api.create(ani, value);
                    } catch (RuntimeException e) {
                        response = null;
                    }
                    Post post = new Post(start, System.nanoTime(), ani, value, response);
                    posts.add(post);
                    if (post.acknowledged() && (take = !take)) {
                        long taking = System.nanoTime();
                        HttpResponse<String> taken = null;
                        try {
                            taken = api.delete(post.key());
                        } catch (RuntimeException e) {
                            // Recorded as status -1: the take's outcome is unknown.
                        }
                        takes.add(new Take(post, taking, System.nanoTime(), taken));
                    }
                }
            });
        }
    }

    public static CallerLoad start(Api api, int callers, List<String> anis) {
        return new CallerLoad(api, callers, anis);
    }

    /** Waits until that many POSTs that start from now on have been acknowledged (201). */
    public void awaitAcknowledged(int calls) {
        long since = System.nanoTime();
        await(calls + " calls to be acknowledged").atMost(Duration.ofSeconds(30))
                .until(() -> acknowledgedSince(since) >= calls);
    }

    /** When the first POST that started at or after the time was acknowledged, if one was. */
    public OptionalLong firstAcknowledgedAfter(long nanos) {
        synchronized (posts) {
            return posts.stream().filter(post -> post.startNanos() - nanos >= 0 && post.acknowledged())
                    .mapToLong(Post::endNanos).min();
        }
    }

    private long acknowledgedSince(long nanos) {
        synchronized (posts) {
            return posts.stream().filter(post -> post.startNanos() - nanos >= 0 && post.acknowledged()).count();
        }
    }

    /** Stops the callers; returns every POST and every take. */
    public Calls stop() {
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
        return new Calls(List.copyOf(posts), List.copyOf(takes));
    }

    /** Stops the callers if {@link #stop} did not, so that a failed test leaves none running. */
    @Override
    public void close() {
        if (!threads.isShutdown()) {
            stop();
        }
    }

    /** What the load did. */
    public record Calls(List<Post> posts, List<Take> takes) {
    }
}
