package org.cticache.dev;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.logging.Logger;
import org.cticache.app.ContextParameters;
import org.cticache.config.CtiCacheConfig;
import org.cticache.config.Settings;
import redis.embedded.RedisServer;

/**
 * For {@code mvn jetty:run} only (declared in src/main/jetty/override-web.xml, never in the WAR): when nothing
 * answers at the configured local Redis address, starts a real redis-server there and stops it on exit, so a
 * machine with only a JDK and Maven can run the service.
 */
public final class DevRedisListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DevRedisListener.class.getName());

    private RedisServer redis;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        URI uri = URI.create(Settings.of(ContextParameters.of(event.getServletContext())).get(CtiCacheConfig.REDIS_URI)
                .orElse("redis://localhost:6379"));
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        if (answers(host, port)) {
            LOG.info("dev run: using the Redis that answers at " + host + ":" + port);
            return;
        }
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            LOG.warning("dev run: nothing answers at " + host + ":" + port + "; an embedded Redis is started only"
                    + " for localhost");
            return;
        }
        try {
            redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // web.xml's listener runs before this one from the override descriptor, so cticache's start-up check has
        // already found no Redis and said so.
        LOG.info("dev run: nothing answered at " + host + ":" + port + ", so an embedded redis-server now runs there"
                + " (the warning above that Redis did not answer at start-up came before it)");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                LOG.warning("dev run: could not stop the embedded redis-server: " + e);
            }
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
