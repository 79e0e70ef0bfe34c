package org.cticache.testing.redis;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/** One redis-server process on a loopback port, started by the test itself so a test can kill it as a crash would. */
public final class RedisNode implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String LOG = "redis.log";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final long EXIT_TIMEOUT_SECONDS = 10;
    private static final int LOG_TAIL_CHARS = 4_000;

    private final int port;
    private final Path directory;
    private final Process process;
    private final Thread destroyAtExit;

    private RedisNode(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
        // A test run that dies or forgets close() must leave no redis-server and no directory behind on CI.
        this.destroyAtExit = new Thread(this::destroy, "destroy " + this);
        Runtime.getRuntime().addShutdownHook(destroyAtExit);
    }

    /**
     * Starts redis-server on the port with throwaway defaults (loopback, no persistence, its own temporary
     * directory as {@code dir}); extraArgs, written {@code "--name", "value"}, come last and so win.
     */
    public static RedisNode start(int port, List<String> extraArgs) {
        Path directory = newDirectory(port);
        List<String> command = new ArrayList<>(List.of(Executable.PATH,
                "--port", Integer.toString(port), "--bind", HOST, "--protected-mode", "no",
                "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                // A replica's full sync goes straight over the socket, at once: no RDB file, no 5 s wait for more.
                "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0"));
        command.addAll(extraArgs);
        return launch(port, directory, command);
    }

    /** Starts redis-server as a sentinel, which insists on a config file it can rewrite: the lines go there. */
    static RedisNode startSentinel(int port, List<String> configLines) {
        Path directory = newDirectory(port);
        Path config = directory.resolve("sentinel.conf");
        List<String> lines = new ArrayList<>(List.of("port " + port, "bind " + HOST, "protected-mode no",
                "dir " + directory));
        lines.addAll(configLines);
        try {
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launch(port, directory, List.of(Executable.PATH, config.toString(), "--sentinel"));
    }

    /** The redis-server binary every node runs, for tests that start one by other means (in a network namespace). */
    public static String executable() {
        return Executable.PATH;
    }

    public int port() {
        return port;
    }

    public HostAndPort hostAndPort() {
        return new HostAndPort(HOST, port);
    }

    /** Kills the process with SIGKILL, as a crash or an OOM killer would: no shutdown, no last write. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(this + " did not exit within " + EXIT_TIMEOUT_SECONDS
                        + " s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + this, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A new client to this node alone (no redirects); close it after use. */
    public Jedis jedis() {
        return new Jedis(hostAndPort());
    }

    /** The value of one field of {@code INFO section}, or an empty string when the reply has no such field. */
    String info(String section, String field) {
        try (Jedis jedis = jedis()) {
            return InfoFields.get(jedis.info(section), field);
        }
    }

    /** Kills the process and deletes its directory. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(destroyAtExit);
        destroy();
    }

    @Override
    public String toString() {
        return "redis-server " + HOST + ":" + port;
    }

    private void destroy() {
        kill();
        if (Files.notExists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisNode launch(int port, Path directory, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve(LOG).toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        }
        RedisNode node = new RedisNode(port, directory, process);
        try {
            // Refused connections while it starts are "not yet"; its exit ends the wait at once.
            await(node + " to answer PING").atMost(START_TIMEOUT).ignoreExceptionsInstanceOf(JedisException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(node + " exited with code " + process.exitValue());
                        }
                        try (Jedis jedis = node.jedis()) {
                            return jedis.ping().equals("PONG");
                        }
                    });
            return node;
        } catch (RuntimeException e) {
            String log = node.logTail();
            node.close();
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + log, e);
        }
    }

    private String logTail() {
        try {
            String log = Files.readString(directory.resolve(LOG));
            return log.substring(Math.max(0, log.length() - LOG_TAIL_CHARS));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Path newDirectory(int port) {
        try {
            return Files.createTempDirectory("cticache-redis-" + port + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded-redis jar's redis-server, extracted once per JVM: each extraction writes a new 10 MB copy. */
    private static final class Executable {

        static final String PATH = extract();

        private static String extract() {
            try {
                return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("could not extract redis-server from the embedded-redis jar", e);
            }
        }
    }
}
