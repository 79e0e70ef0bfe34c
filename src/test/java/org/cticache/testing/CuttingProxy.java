package org.cticache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of a Redis server that can cut a connection after Redis executed a command and before its
 * answer arrives: armed with a command name, it lets the next request holding that name through, swallows
 * Redis's answer to it and closes both sides, or holds it back for good, so that the client times out. What a
 * client then sees is a failure that leaves unknown whether its command ran. It can also slow every answer down,
 * like a distant Redis.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int redisPort;
    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private volatile long answerDelayMillis;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CuttingProxy(int redisPort) throws IOException {
        this.redisPort = redisPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CuttingProxy to(TestRedis redis) {
        try {
            return new CuttingProxy(redis.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** The next request naming this command (as Jedis sends it, such as EVALSHA) runs, and its answer is lost. */
    public void cutAnswerTo(String command) {
        armed.set(new Cut(command.getBytes(StandardCharsets.US_ASCII), false));
    }

    /**
     * The next request naming this command runs, and neither its answer nor anything after it on that connection
     * ever arrives, while the connection stays open: the client's wait for the answer times out.
     */
    public void holdAnswerTo(String command) {
        armed.set(new Cut(command.getBytes(StandardCharsets.US_ASCII), true));
    }

    /** Each answer from now on is passed on this much later, as if Redis were that far away. */
    public void delayAnswers(Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    private record Cut(byte[] command, boolean hold) {
    }

    /** Whether the armed cut happened. */
    public boolean cut() {
        return armed.get() == null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                sockets.add(client);
                sockets.add(redis);
                Connection connection = new Connection(client, redis);
                start(() -> connection.requests(), "cutting-proxy-requests");
                start(() -> connection.answers(), "cutting-proxy-answers");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump, String name) {
        Thread thread = new Thread(pump, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client's connection: requests pass as they come; the answer after an armed request is dropped. */
    private final class Connection {
        private final Socket client;
        private final Socket redis;
        private volatile Cut cutNextAnswer;

        Connection(Socket client, Socket redis) {
            this.client = client;
            this.redis = redis;
        }

        void requests() {
            pump(client, redis, true);
        }

        void answers() {
            pump(redis, client, false);
        }

        private void pump(Socket from, Socket to, boolean requests) {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (requests) {
                        Cut cut = armed.get();
                        if (cut != null && contains(buffer, n, cut.command()) && armed.compareAndSet(cut, null)) {
                            cutNextAnswer = cut;
                        }
                    } else if (cutNextAnswer != null && cutNextAnswer.hold()) {
                        continue;
                    } else if (cutNextAnswer != null) {
                        client.close();
                        redis.close();
                        return;
                    } else if (answerDelayMillis > 0) {
                        Thread.sleep(answerDelayMillis);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                closeQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                client.close();
                redis.close();
            } catch (IOException ignored) {
                // Both are being torn down.
            }
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] command) {
        outer:
        for (int i = 0; i + command.length <= length; i++) {
            for (int j = 0; j < command.length; j++) {
                if (Character.toUpperCase(buffer[i + j]) != command[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
