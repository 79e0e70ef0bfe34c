package org.cticache.bench.ceiling;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * What any Java servlet with Redis could reach: one SET of a 100-byte value with EX 60 per request, through a pool
 * like cticache's. Any method does it, so the load script may GET or POST.
 */
public final class SetServlet extends HttpServlet {

    private static final String VALUE = "s".repeat(100);
    private static final SetParams EXPIRY = SetParams.setParams().ex(60);
    private static final byte[] BODY = "{\"stored\":true}".getBytes(StandardCharsets.UTF_8);

    private final AtomicLong counter = new AtomicLong();
    private JedisPool pool;

    @Override
    public void init() {
        pool = (JedisPool) getServletContext().getAttribute(CeilingRedis.ATTRIBUTE);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Jedis jedis = pool.getResource()) {
            jedis.set("ceiling:" + counter.incrementAndGet(), VALUE, EXPIRY);
        }
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
