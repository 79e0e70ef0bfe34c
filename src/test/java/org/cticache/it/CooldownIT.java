package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a cool-down, a DNIS just consumed or expired for an ANI is not handed out again to that ANI at once. */
class CooldownIT {

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.dnis.pool", "5550000001")
            .set("cticache.dnis.cooldown", "2"));

    private final Api api = SERVICE.api();

    @Test
    void aConsumedDnisCoolsDownBeforeItIsHandedOutAgain() throws InterruptedException {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"first\"").path("dnis").asText() + ":" + ani;
        assertEquals("{\"value\":\"first\"}", api.delete(key).body());

        HttpResponse<String> tooSoon = api.create(ani, "\"second\"");
        assertProblem(tooSoon, 503, "");
        int retryAfter = Integer.parseInt(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertProblem(api.get(key), 404, key);

        awaitCreated(ani, "\"second\"");
        assertEquals("{\"value\":\"second\"}", api.get(key).body());
    }

    @Test
    void anExpiredEntryIsGoneAtOnceButItsDnisCoolsDown() throws InterruptedException {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = api.create("{\"value\":\"short\",\"ani\":\"" + ani + "\",\"ttl\":1}");
        assertEquals(201, created.statusCode());
        String key = Api.json(created).path("dnis").asText() + ":" + ani;

        Thread.sleep(1_200);
        assertProblem(api.get(key), 404, key);
        assertProblem(api.delete(key), 404, key);
        assertProblem(api.create(ani, "\"late\""), 503, "");
        awaitCreated(ani, "\"late\"");
    }

    @Test
    void otherCallersAreNotHeldUpByACoolingDnis() {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "1").path("dnis").asText() + ":" + ani;
        api.delete(key);

        assertEquals(201, api.create(Numbers.uniqueAni(), "2").statusCode());
    }

    @Test
    void anInstanceWithoutACoolDownSharingRedisReadsWhatThisOneStored() {
        try (Deployment other = Deployment.of(SERVICE.redis()).set("cticache.dnis.pool", "5550000001").start()) {
            Api without = other.api();
            String ani = Numbers.uniqueAni();
            String key = api.created(ani, "\"kept\"").path("dnis").asText() + ":" + ani;
            assertEquals("{\"value\":\"kept\"}", without.get(key).body(), "the value, not its envelope");
            assertEquals("{\"value\":\"kept\"}", without.delete(key).body());
            assertProblem(without.get(key), 404, key);

            String second = Numbers.uniqueAni();
            String taken = api.created(second, "\"taken\"").path("dnis").asText() + ":" + second;
            api.delete(taken);
            assertProblem(without.get(taken), 404, taken);
            assertProblem(without.delete(taken), 404, taken);
        }
    }

    private void awaitCreated(String ani, String value) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (api.create(ani, value).statusCode() == 201) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the DNIS did not come free within 5 s of a 2 s cool-down");
    }
}
