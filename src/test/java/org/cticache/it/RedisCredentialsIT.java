package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.LogRecords;
import org.cticache.testing.Numbers;
import org.cticache.testing.Planted;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** A Redis that refuses cticache's credentials: 503 naming them, health DOWN, and the log says why. */
class RedisCredentialsIT {

    private static final String REFUSED = "Redis refused cticache's credentials";

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.redis.password", Planted.REDIS_PASSWORD));

    private final TestRedis redis = SERVICE.redis();
    private final Api api = SERVICE.api();

    @Test
    void refusedCredentialsAre503AndHealthDownWithTheReasonInTheLog() {
        try (LogRecords log = LogRecords.of("org.cticache", record -> record.getLevel() == Level.WARNING)) {
            // A password sent to a Redis that has none.
            assertProblem(api.create(Numbers.uniqueAni(), "\"data\""), 503, REFUSED + " (ERR AUTH)");
            assertDown();
            assertTrue(log.messages(Level.WARNING).stream().anyMatch(line -> line.contains(REFUSED)),
                    "the log names the credentials: " + log.messages(Level.WARNING));
        }
        try (Jedis admin = redis.client()) {
            admin.configSet("requirepass", "the-password");
        }
        try {
            // A wrong password.
            assertProblem(api.create(Numbers.uniqueAni(), "\"data\""), 503, REFUSED + " (WRONGPASS)");
            assertProblem(api.get("5551234500:" + Numbers.uniqueAni()), 503, REFUSED + " (WRONGPASS)");
            assertDown();
        } finally {
            try (Jedis admin = redis.client()) {
                admin.auth("the-password");
                admin.configSet("requirepass", "");
            }
        }
    }

    private void assertDown() {
        HttpResponse<String> health = api.health();
        assertEquals(503, health.statusCode());
        assertEquals("{\"status\":\"DOWN\"}", health.body(), "health tells load balancers up or down, no more");
    }
}
