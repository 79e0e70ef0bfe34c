package org.cticache.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cticache.testing.redis.LoopbackPorts;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real redis-server process on a free loopback port, which a test may stop and start again on that port. */
public final class TestRedis implements RedisUnderTest {

    private final int port;
    private final String password;
    private RedisServer server;
    private JedisPooled data;

    private TestRedis(int port, String password) {
        this.port = port;
        this.password = password;
    }

    public static TestRedis start() {
        return startWithPassword(null);
    }

    /** A Redis that requires the password (null: none); this class's own clients give it. */
    public static TestRedis startWithPassword(String password) {
        TestRedis redis = new TestRedis(freePort(), password);
        redis.restart();
        return redis;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> cticacheSettings() {
        return Map.of("cticache.redis.uri", uri());
    }

    @Override
    public synchronized UnifiedJedis data() {
        if (data == null) {
            data = new JedisPooled(address(), clientConfig());
        }
        return data;
    }

    /** A fresh client for server commands (INFO, CLIENT LIST); close it after use. */
    public Jedis client() {
        return new Jedis(address(), clientConfig());
    }

    private HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    private JedisClientConfig clientConfig() {
        return DefaultJedisClientConfig.builder().password(password).build();
    }

    /**
     * Stops redis-server in its tracks (SIGSTOP) until the handle is closed (SIGCONT): connections stay open and new
     * ones are accepted, but nothing is answered, as on a stalled host, for exactly as long as the test needs.
     */
    public Frozen freeze() {
        long pid;
        try (Jedis jedis = client()) {
            pid = jedis.info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .map(line -> Long.parseLong(line.substring("process_id:".length()).strip())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("INFO server names no process_id"));
        }
        signal("STOP", pid);
        Frozen frozen = () -> signal("CONT", pid);
        try {
            // A signal to another process is delivered on its way, not by the time kill returns.
            await("redis-server " + pid + " to stop").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> isStopped(pid));
            return frozen;
        } catch (RuntimeException e) {
            frozen.close();
            throw e;
        }
    }

    /** A redis-server stopped by {@link #freeze()}; closing it lets the server run on. */
    public interface Frozen extends AutoCloseable {

        @Override
        void close();
    }

    private static void signal(String signal, long pid) {
        try {
            // The shell's own kill: the kill program is not installed everywhere.
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the process is in state T (stopped), as Linux's /proc tells it. */
    private static boolean isStopped(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts redis-server (again) on the same port, empty: no persistence, as after a crash without AOF. */
    public void restart() {
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no");
            server = (password == null ? builder : builder.setting("requirepass " + password)).build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    @Override
    public synchronized void close() {
        if (data != null) {
            data.close();
        }
        if (server.isActive()) {
            stop();
        }
    }

    static int freePort() {
        return LoopbackPorts.pickOne();
    }
}
