package org.cticache.bench.ceiling;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Builds the one JedisPool of the ceiling WAR, sized and configured like cticache's defaults (max-total 64,
 * max-idle 64, timeout 2000 ms for connect, command and pool wait; no evictor), so /ceiling/set measures what any
 * servlet with that pool reaches, not a better-tuned pool.
 */
public final class CeilingRedis implements ServletContextListener {

    static final String ATTRIBUTE = CeilingRedis.class.getName();
    private static final int MAX_TOTAL = 64;
    private static final int TIMEOUT_MILLIS = 2000;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The benchmark passes the same Redis to both WARs as the system property cticache.redis.uri.
        URI uri = URI.create(System.getProperty("cticache.redis.uri", "redis://localhost:6379"));
        JedisPoolConfig pool = new JedisPoolConfig();
        pool.setMaxTotal(MAX_TOTAL);
        pool.setMaxIdle(MAX_TOTAL);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(false);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        pool.setJmxEnabled(false);
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS)
                .clientName("ceiling").build();
        event.getServletContext().setAttribute(ATTRIBUTE,
                new JedisPool(pool, new HostAndPort(uri.getHost(), uri.getPort()), client));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ((JedisPool) event.getServletContext().getAttribute(ATTRIBUTE)).close();
    }
}
