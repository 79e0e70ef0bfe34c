package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.Timely;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a cool-down, a DNIS just consumed or expired for an ANI is not handed out again to that ANI at once. */
class CooldownIT {

    private static final Duration COOL_DOWN = Duration.ofSeconds(2);
    private static final Duration TTL = Duration.ofSeconds(1);

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.dnis.pool", "5550000001")
            .set("cticache.dnis.cooldown", Long.toString(COOL_DOWN.toSeconds())));

    private final Api api = SERVICE.api();

    @Test
    void aConsumedDnisCoolsDownBeforeItIsHandedOutAgain() {
        // The DNIS is sure to be cooling only until 2 s after the DELETE: a POST answered later proves nothing.
        Attempt consumed = Timely.observe(COOL_DOWN, () -> {
            String ani = Numbers.uniqueAni();
            String key = api.created(ani, "\"first\"").path("dnis").asText() + ":" + ani;
            assertEquals("{\"value\":\"first\"}", api.delete(key).body());
            return new Attempt(ani, key, api.create(ani, "\"second\""));
        });
        String ani = consumed.ani();
        String key = consumed.key();

        HttpResponse<String> tooSoon = consumed.post();
        assertProblem(tooSoon, 503, "");
        int retryAfter = Integer.parseInt(tooSoon.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertProblem(api.get(key), 404, key);

        awaitCreated(ani, "\"second\"");
        assertEquals("{\"value\":\"second\"}", api.get(key).body());
    }

    @Test
    void anExpiredEntryIsGoneAtOnceButItsDnisCoolsDown() {
        // The DNIS is sure to be cooling only until 1 s of TTL and 2 s of cool-down after the POST: the entry must be
        // gone within that time, and a POST answered later proves nothing.
        Attempt expired = Timely.observe(TTL.plus(COOL_DOWN), () -> {
            String ani = Numbers.uniqueAni();
            HttpResponse<String> created = api.create("{\"value\":\"short\",\"ani\":\"" + ani + "\",\"ttl\":1}");
            assertEquals(201, created.statusCode());
            String key = Api.json(created).path("dnis").asText() + ":" + ani;

            await("the entry to expire").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertProblem(api.get(key), 404, key));
            assertProblem(api.delete(key), 404, key);
            return new Attempt(ani, key, api.create(ani, "\"late\""));
        });

        assertProblem(expired.post(), 503, "");
        awaitCreated(expired.ani(), "\"late\"");
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

    // The deadline is far beyond the 2 s cool-down; a timeout says what the last refusal was. (It once timed out:
    // a POST in the old key's last millisecond blocked the DNIS for a whole new lifetime, fixed in allocate.lua.)
    private void awaitCreated(String ani, String value) {
        await("the DNIS to come free after its 2 s cool-down").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = api.create(ani, value);
            assertEquals(201, answer.statusCode(), () -> answer.body() + ", Retry-After "
                    + answer.headers().firstValue("Retry-After").orElse("-"));
        });
    }

    /** A caller, its entry's key, and the POST it made while the DNIS was to cool down. */
    private record Attempt(String ani, String key, HttpResponse<String> post) {
    }
}
