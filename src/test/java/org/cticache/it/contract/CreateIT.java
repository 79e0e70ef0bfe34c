package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.ContractSettings;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StoredKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedDeployment.class)
class CreateIT {

    @Test
    void seedExampleAllocatesADnisOfTheDefaultPool(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.create("{\"value\" : \"12345678\", \"ani\" : \"" + ani + "\"}");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonNode body = Api.json(response);
        String dnis = body.path("dnis").asText();
        assertTrue(dnis.matches("55512345\\d\\d"), "DNIS from the default pool: " + dnis);
        assertEquals(ani, body.path("ani").asText());
        assertEquals("12345678", body.path("value").asText());
        assertEquals("default", body.path("pool").asText());
        assertEquals(ContractSettings.TTL_DEFAULT, body.path("ttl").asInt());
        assertEquals("/cticache/DNIS-ANI/" + dnis + ":" + ani, response.headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12345678\"", "42", "0", "-7", "1.10", "2.5E-7", "123456789012345678901234567890",
            "true", "false", "\"\"", "[]", "{}", "[1,\"two\",null,{\"x\":3}]",
            "{\"account\":\"4711\",\"intent\":\"billing\",\"verified\":true,\"note\":null}",
            "\"café \\\"quoted\\\" \\\\ \\n\"", "{\"nested\":{\"deeper\":{\"n\":1.0}}}"})
    void valueOfEveryJsonTypeIsReturnedExactly(String value, Api api) {
        String ani = Numbers.uniqueAni();
        JsonNode created = api.created(ani, value);
        String key = created.path("dnis").asText() + ":" + ani;

        HttpResponse<String> peeked = api.get(key);
        assertEquals(200, peeked.statusCode());
        assertEquals("{\"value\":" + value + "}", peeked.body());
        assertEquals("{\"value\":" + value + "}", api.delete(key).body());
    }

    @Test
    void numbersAreNormalizedInTheResponseTheLocationAndTheStore(Api api, RedisUnderTest redis) {
        String digits = Numbers.uniqueAni();
        String formatted = "+1 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
        HttpResponse<String> response = api.create(formatted, "\"x\"");

        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        assertEquals("+1" + digits, body.path("ani").asText());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith(":+1" + digits), "literal '+' in " + location);
        // The key only: the stock containers encrypt the value, as the deploy guides set them up.
        assertTrue(redis.data().exists(StoredKeys.of("+1" + digits) + body.path("dnis").asText()));
    }

    @Test
    void successiveAllocationsRotateThroughThePool(Api api) {
        int first = Integer.parseInt(api.created(Numbers.uniqueAni(), "1").path("dnis").asText().substring(8));
        int second = Integer.parseInt(api.created(Numbers.uniqueAni(), "2").path("dnis").asText().substring(8));
        int third = Integer.parseInt(api.created(Numbers.uniqueAni(), "3").path("dnis").asText().substring(8));

        assertEquals((first + 1) % 100, second);
        assertEquals((first + 2) % 100, third);
    }

    @Test
    void aNamedPoolIsUsedMatchedCaseInsensitivelyAndReported(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.create("{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"SMALL\"}");

        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        assertTrue(body.path("dnis").asText().matches("555000000[1-5]"), body.toString());
        assertEquals("small", body.path("pool").asText());
    }

    @Test
    void aPoolOfE164NumbersKeepsThePlus(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.create("{\"value\":1,\"ani\":\"" + ani + "\",\"pool\":\"intl\"}");

        assertEquals(201, response.statusCode(), response.body());
        String dnis = Api.json(response).path("dnis").asText();
        assertTrue(dnis.matches("\\+49301234\\d\\d"), dnis);
        assertEquals(200, api.get(dnis + ":" + ani).statusCode());
    }

    @Test
    void theEntryLivesInRedisUnderTheAniHashTagWithTheRequestedTtl(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.create("{\"value\":\"v\",\"ani\":\"" + ani + "\",\"ttl\":120}");
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        assertEquals(120, body.path("ttl").asInt());

        long ttl = redis.data().ttl(StoredKeys.of(ani) + body.path("dnis").asText());
        assertTrue(ttl > 110 && ttl <= 120, "TTL in Redis: " + ttl);
    }

    @Test
    void withoutTtlTheEntryLivesTheConfiguredDefault(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        JsonNode body = api.created(ani, "\"v\"");

        long ttl = redis.data().ttl(StoredKeys.of(ani) + body.path("dnis").asText());
        assertTrue(ttl > ContractSettings.TTL_DEFAULT - 10 && ttl <= ContractSettings.TTL_DEFAULT,
                "TTL in Redis: " + ttl);
    }

    @Test
    void aCharsetParameterOnTheContentTypeIsAccepted(Api api) {
        HttpResponse<String> response = api.send(api.request("DNIS-ANI")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"value\":\"ü\",\"ani\":\"" + Numbers.uniqueAni() + "\"}")), Deployment.ADMIN);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("ü", Api.json(response).path("value").asText());
    }
}
