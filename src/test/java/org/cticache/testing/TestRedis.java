package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/** A real redis-server process on a free loopback port, which a test may stop and start again on that port. */
public final class TestRedis implements RedisUnderTest {

    private final int port;
    private RedisServer server;
    private JedisPooled data;

    private TestRedis(int port) {
        this.port = port;
    }

    public static TestRedis start() {
        TestRedis redis = new TestRedis(freePort());
        redis.restart();
        return redis;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> cticacheSettings() {
        return Map.of("cticache.redis.uri", uri());
    }

    @Override
    public synchronized UnifiedJedis data() {
        if (data == null) {
            data = new JedisPooled("127.0.0.1", port);
        }
        return data;
    }

    /** A fresh client for server commands (INFO, CLIENT LIST); close it after use. */
    public Jedis client() {
        return new Jedis("127.0.0.1", port);
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
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
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
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
