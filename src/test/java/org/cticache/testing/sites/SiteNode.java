package org.cticache.testing.sites;

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
import org.cticache.testing.redis.RedisNode;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** One redis-server, data node or Sentinel, running in a site's network namespace and listening on its address. */
public final class SiteNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int TIMEOUT_MILLIS = 2_000;

    private final SiteNetwork.Site site;
    private final HostAndPort address;
    private final Path directory;
    private final Process process;

    private SiteNode(SiteNetwork.Site site, HostAndPort address, Path directory, Process process) {
        this.site = site;
        this.address = address;
        this.directory = directory;
        this.process = process;
    }

    /** A data node with throwaway defaults (no persistence); extraArgs, {@code "--name", "value"}, come last. */
    static SiteNode data(SiteNetwork network, SiteNetwork.Site site, int port, List<String> extraArgs) {
        Path directory = newDirectory();
        List<String> command = new ArrayList<>(List.of(RedisNode.executable(),
                "--port", Integer.toString(port), "--bind", network.address(site), "--protected-mode", "no",
                "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0"));
        command.addAll(extraArgs);
        return launch(network, site, port, directory, command);
    }

    /** A Sentinel, which insists on a config file it can rewrite: the lines go there. */
    static SiteNode sentinel(SiteNetwork network, SiteNetwork.Site site, int port, List<String> configLines) {
        Path directory = newDirectory();
        List<String> lines = new ArrayList<>(List.of("port " + port, "bind " + network.address(site),
                "protected-mode no", "dir " + directory));
        lines.addAll(configLines);
        try {
            Files.write(directory.resolve("sentinel.conf"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launch(network, site, port, directory,
                List.of(RedisNode.executable(), directory.resolve("sentinel.conf").toString(), "--sentinel"));
    }

    public SiteNetwork.Site site() {
        return site;
    }

    public HostAndPort address() {
        return address;
    }

    /** A new client to this node alone, across the WAN from the test's namespace; close it after use. */
    public Jedis jedis() {
        return new Jedis(address, redis.clients.jedis.DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS).build());
    }

    /** Kills the process (SIGKILL) and deletes its directory. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "redis-server " + address + " in site " + site;
    }

    private static SiteNode launch(SiteNetwork network, SiteNetwork.Site site, int port, Path directory,
                                   List<String> command) {
        Process process;
        try {
            // ip netns exec execs the command, so the process is redis-server itself and SIGKILL reaches it.
            process = network.in(site, command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        }
        SiteNode node = new SiteNode(site, new HostAndPort(network.address(site), port), directory, process);
        try {
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
            String log;
            try {
                log = Files.readString(directory.resolve("redis.log"));
            } catch (IOException unreadable) {
                log = unreadable.toString();
            }
            node.close();
            throw new IllegalStateException(e.getMessage() + "; its log:\n" + log, e);
        }
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("cticache-site-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
