package org.cticache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP relay in front of a Redis server that holds every request for a fixed time before passing it on, as a
 * distant Redis would, and counts the round trips its clients make. A client that waits for an answer sends its
 * next request at least that time after the last one, while the requests of one pipeline arrive together: so a
 * burst of requests after a silence of half that time or more is one round trip. It also counts the connections
 * its clients opened.
 */
public final class LatencyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int redisPort;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private long lastRequestAt = Long.MIN_VALUE;
    private long roundTrips;
    private long connections;

    private LatencyProxy(int redisPort, Duration delay) throws IOException {
        this.redisPort = redisPort;
        this.delayNanos = delay.toNanos();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::accept, "latency-proxy");
    }

    /** A relay to the Redis that holds each request for the given round-trip time. */
    public static LatencyProxy to(TestRedis redis, Duration roundTrip) {
        try {
            return new LatencyProxy(redis.port(), roundTrip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** The round trips every client of the relay made, and the time it took, while the work ran. */
    public Measured during(Runnable work) {
        long before = roundTrips();
        long start = System.nanoTime();
        work.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Measured(roundTrips() - before, took);
    }

    /** Round trips to Redis, and how long the work took with them. */
    public record Measured(long roundTrips, Duration took) {

        @Override
        public String toString() {
            return roundTrips + " round trips in " + took.toMillis() + " ms";
        }
    }

    private synchronized long roundTrips() {
        return roundTrips;
    }

    /** The connections clients opened through the relay so far. */
    public synchronized long connectionsOpened() {
        return connections;
    }

    private synchronized void connectionOpened() {
        connections++;
    }

    private synchronized void requestArrived(long at) {
        if (at - lastRequestAt >= delayNanos / 2) {
            roundTrips++;
        }
        lastRequestAt = at;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connectionOpened();
                Socket redis = connectToRedis(client);
                if (redis == null) {
                    continue;
                }
                // As Jedis does: without it, Nagle's algorithm would add delays of its own to small answers.
                client.setTcpNoDelay(true);
                redis.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(redis);
                BlockingQueue<Held> held = new LinkedBlockingQueue<>();
                start(() -> hold(client, held), "latency-proxy-requests");
                start(() -> release(held, redis), "latency-proxy-delayed");
                start(() -> pass(redis, client), "latency-proxy-answers");
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A connection to Redis for the client, or none while Redis is down: the client's is closed, as Redis would. */
    private Socket connectToRedis(Socket client) throws IOException {
        try {
            return new Socket(InetAddress.getLoopbackAddress(), redisPort);
        } catch (IOException e) {
            client.close();
            return null;
        }
    }

    /** Bytes on their way to Redis, and when they may go on; no bytes: the client went. */
    private record Held(byte[] bytes, long dueAt) {
    }

    private void hold(Socket client, BlockingQueue<Held> held) {
        byte[] buffer = new byte[65536];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long now = System.nanoTime();
                requestArrived(now);
                held.add(new Held(Arrays.copyOf(buffer, n), now + delayNanos));
            }
        } catch (IOException e) {
            // The client went, as below.
        }
        held.add(new Held(null, 0));
    }

    private static void release(BlockingQueue<Held> held, Socket redis) {
        try (OutputStream out = redis.getOutputStream()) {
            while (true) {
                Held next = held.take();
                if (next.bytes() == null) {
                    return;
                }
                long wait = next.dueAt() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                out.write(next.bytes());
                out.flush();
            }
        } catch (IOException e) {
            // Redis or the relay went.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pass(Socket from, Socket to) {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side went.
        }
    }

    private static void start(Runnable pump, String name) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
