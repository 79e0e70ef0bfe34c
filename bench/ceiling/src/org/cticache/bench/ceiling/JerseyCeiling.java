package org.cticache.bench.ceiling;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/**
 * Jersey's ceiling: the one-SET servlet's work as a JAX-RS resource answering a JSON object through Jackson, with
 * the same Jersey and Jackson as cticache.war, so the report shows what Jersey itself costs per call, apart from
 * anything cticache does.
 */
public final class JerseyCeiling extends ResourceConfig {

    public JerseyCeiling(@Context ServletContext context) {
        register(new SetResource((JedisPool) context.getAttribute(CeilingRedis.ATTRIBUTE)));
        register(JacksonFeature.withoutExceptionMappers());
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    /** The answer, written by Jackson as cticache's answers are. */
    public record Stored(boolean stored) {
    }

    @Path("set")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class SetResource {

        private static final String VALUE = "s".repeat(100);
        private static final SetParams EXPIRY = SetParams.setParams().ex(60);
        private static final Stored STORED = new Stored(true);

        private final AtomicLong counter = new AtomicLong();
        private final JedisPool pool;

        SetResource(JedisPool pool) {
            this.pool = pool;
        }

        @GET
        public Stored set() {
            try (Jedis jedis = pool.getResource()) {
                jedis.set("ceiling:jersey:" + counter.incrementAndGet(), VALUE, EXPIRY);
            }
            return STORED;
        }
    }
}
