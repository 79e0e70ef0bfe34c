package org.cticache.api;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cticache.testing.Api;
import org.cticache.testing.ContractSettings;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create, peek and take at the HTTP edge: status, headers and bodies, in JSON, XML and from a VoiceXML form. */
class TransferCallsTest {

    private static final String ANI = "9123456789";
    private static final String FORM = "application/x-www-form-urlencoded";

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @Test
    void aCreateIs201WithTheEntryAndItsLocationUnderTheContextPath(Api api) {
        HttpResponse<String> response = api.create("{\"value\" : \"12345678\", \"ani\" : \"" + ANI + "\"}");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"dnis\":\"5551234500\",\"ani\":\"" + ANI + "\",\"value\":\"12345678\",\"pool\":\"default\","
                + "\"ttl\":" + ContractSettings.TTL_DEFAULT + "}", response.body());
        assertEquals("/cticache/DNIS-ANI/5551234500:" + ANI, response.headers().firstValue("Location").orElseThrow());
        assertEquals("\"12345678\"", edge.store().stored(ANI + ":5551234500"));
    }

    @Test
    void theLocationHoldsTheNormalizedNumbersWithALiteralPlus(Api api) {
        HttpResponse<String> response = api.create("{\"value\":1,\"ani\":\"+1 (912) 345-6789\",\"pool\":\"intl\"}");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("/cticache/DNIS-ANI/+4930123400:+19123456789",
                response.headers().firstValue("Location").orElseThrow());
        assertEquals("+19123456789", Api.json(response).path("ani").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "1.10", "123456789012345678901234567890", "true", "[1,\"two\",null]",
            "{\"account\":\"4711\",\"note\":null}", "\"café \\\"quoted\\\"\""})
    void aValueOfEveryJsonTypeComesBackExactly(String value, Api api) {
        JsonNode created = api.created(ANI, value);
        String key = created.path("dnis").asText() + ":" + ANI;

        assertEquals("{\"value\":" + value + "}", api.get(key).body());
        assertEquals("{\"value\":" + value + "}", api.delete(key).body());
    }

    @Test
    void aPeekLeavesTheEntryAndATakeConsumesItOnce(Api api) {
        String key = api.created(ANI, "\"12345678\"").path("dnis").asText() + ":" + ANI;

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> peeked = api.get(key);
            assertEquals(200, peeked.statusCode(), peeked.body());
            assertEquals("application/json", peeked.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"value\":\"12345678\"}", peeked.body());
        }
        assertEquals("{\"value\":\"12345678\"}", api.delete(key).body());
        assertProblem(api.delete(key), 404, "no live entry for " + key);
        assertProblem(api.get(key), 404, "no live entry for " + key);
    }

    @Test
    void aKeyWithSeparatorsAddressesTheNormalizedEntry(Api api) {
        assertEquals("5551234500", api.created(ANI, "\"v\"").path("dnis").asText());

        HttpResponse<String> response = api.get("555.123.4500:(912)%20345-6789");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"value\":\"v\"}", response.body());
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyGetsTheOriginalAllocation(Api api) {
        HttpResponse<String> first = post(api, "application/json", "{\"value\":\"x\",\"ani\":\"" + ANI + "\"}", null,
                "retry-1");
        HttpResponse<String> retry = post(api, "application/json", "{\"value\":\"x\",\"ani\":\"" + ANI + "\"}", null,
                "retry-1");

        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals(1, edge.store().size());
    }

    @Test
    void aRetriedTakeWithItsIdempotencyKeyGetsTheValueAgain(Api api) {
        String key = api.created(ANI, "7").path("dnis").asText() + ":" + ANI;

        assertEquals("{\"value\":7}", take(api, key, "take-1").body());
        assertEquals("{\"value\":7}", take(api, key, "take-1").body(), "the answer was lost: a retry");
        assertProblem(take(api, key, "take-2"), 404, key);
        assertProblem(api.delete(key), 404, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aFormPostCreatesAJsonStringAndAnswersInTheXmlTypeAskedFor(String accept, Api api) {
        HttpResponse<String> response = post(api, FORM,
                "value=acct%3D4711+%26+caf%C3%A9&ani=" + ANI + "&pool=small&ttl=30", accept, null);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(accept + ";charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><entry><dnis>5550000001</dnis><ani>" + ANI
                + "</ani><value>acct=4711 &amp; café</value><pool>small</pool><ttl>30</ttl></entry>", response.body());
        assertEquals("{\"value\":\"acct=4711 & café\"}", api.get("5550000001:" + ANI).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml", "text/xml, application/json;q=0.5"})
    void aPeekAnswersXmlToAClientThatPrefersIt(String accept, Api api) {
        String key = api.created(ANI, "{\"account\":\"4711\"}").path("dnis").asText() + ":" + ANI;

        HttpResponse<String> response = api.send(api.request("DNIS-ANI/" + key).header("Accept", accept).GET(),
                Deployment.READER);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(accept.split(",")[0] + ";charset=UTF-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("<entry><value><account>4711</account></value></entry>"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/*", "application/json, application/xml;q=0.9",
            "text/html;q=0.5, application/json"})
    void jsonIsAnsweredWhereTheAcceptAllowsIt(String accept, Api api) {
        HttpResponse<String> response = post(api, "application/json", "{\"value\":1,\"ani\":\"" + ANI + "\"}", accept,
                null);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    private static HttpResponse<String> take(Api api, String key, String idempotencyKey) {
        return api.send(api.request("DNIS-ANI/" + key).header("Idempotency-Key", idempotencyKey).DELETE(),
                Deployment.READER);
    }

    private static HttpResponse<String> post(Api api, String contentType, String body, String accept,
                                             String idempotencyKey) {
        HttpRequest.Builder request = api.request("DNIS-ANI").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request, Deployment.ADMIN);
    }
}
