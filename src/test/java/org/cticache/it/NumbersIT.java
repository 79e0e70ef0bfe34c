package org.cticache.it;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Concurrently;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as real networks deliver them: other formats of one number, and withheld callers. */
class NumbersIT {

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set("cticache.numbers.region", "us")
            .set("cticache.ani.anonymous", "anonymous,restricted,private,unavailable,unknown")
            .set("cticache.dnis.pool.small", "5550000001-5550000003"));

    private final Api api = SERVICE.api();

    @ParameterizedTest
    @ValueSource(strings = {"15551230001", "+1 (555) 123-0001", "tel:+1-555-123-0001", "1-555-123-0001"})
    void everyFormatOfOneNumberAddressesOneEntryInE164(String lookup) {
        HttpResponse<String> created = api.create("{\"value\":1,\"ani\":\"5551230001\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = Api.json(created);
        String dnis = body.path("dnis").asText();
        assertEquals("+15551230001", body.path("ani").asText());
        assertTrue(dnis.matches("\\+155512345\\d\\d"), dnis);
        assertEquals("/cticache/DNIS-ANI/" + dnis + ":+15551230001",
                created.headers().firstValue("Location").orElseThrow());

        String localDnis = dnis.substring(2);
        assertEquals("{\"value\":1}", api.get(localDnis + ":" + lookup.replace(" ", "%20")).body());
        assertEquals("{\"value\":1}", api.delete("tel:" + dnis + ":" + lookup.replace(" ", "%20")).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"value\":\"w\"}", "{\"value\":\"w\",\"ani\":\"\"}",
            "{\"value\":\"w\",\"ani\":\"Restricted\"}", "{\"value\":\"w\",\"ani\":\"anonymous\"}"})
    void aWithheldCallerIsStoredAsAnonymous(String body) {
        HttpResponse<String> created = api.create(body);
        assertEquals(201, created.statusCode(), created.body());
        String dnis = Api.json(created).path("dnis").asText();
        assertEquals("anonymous", Api.json(created).path("ani").asText());

        assertEquals("{\"value\":\"w\"}", api.get(dnis + ":anonymous").body());
        assertEquals("{\"value\":\"w\"}", api.delete(dnis + ":").body());
    }

    @Test
    void theLocationOfAWithheldCallersEntryWorksWhateverWordsMeanWithheld() {
        try (Deployment restricted = Deployment.of(SERVICE.redis()).set("cticache.numbers.region", "us")
                .set("cticache.ani.anonymous", "restricted").start()) {
            Api other = restricted.api();
            HttpResponse<String> created = other.create("{\"value\":\"r\",\"ani\":\"RESTRICTED\"}");
            assertEquals(201, created.statusCode(), created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            String key = location.substring("/cticache/DNIS-ANI/".length());
            assertTrue(key.endsWith(":anonymous"), location);
            assertEquals("{\"value\":\"r\"}", other.get(key).body());
            assertEquals("{\"value\":\"r\"}", other.delete(key).body());
        }
    }

    @Test
    void concurrentWithheldCallersShareThePoolWithoutCollisionAndExhaustIt() {
        List<HttpResponse<String>> responses = Concurrently.run(12,
                i -> api.create("{\"value\":" + i + ",\"ani\":\"private\",\"pool\":\"small\"}"));

        Set<String> dnis = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                assertTrue(dnis.add(Api.json(response).path("dnis").asText()), "one DNIS twice: " + dnis);
            } else {
                assertProblem(response, 503, "pool 'small'");
            }
        }
        assertEquals(3, dnis.size());
        for (String number : dnis) {
            assertEquals(200, api.delete(number + ":anonymous").statusCode());
        }
    }

    @Test
    void aNumberThatCannotBeOfTheRegionIs400() {
        assertProblem(api.create("{\"value\":1,\"ani\":\"12\"}"), 400, "region US");
    }
}
