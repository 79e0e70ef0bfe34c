package org.cticache.errors;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every family of error answers at the HTTP edge: problem details with a status, a title and a helpful detail. */
class ErrorAnswersTest {

    private static final String ANI = "9123456789";
    private static final String JSON = "application/json";

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON        | {value: 1}                                         | not valid JSON",
        "missing value   | {\"ani\":\"9123456789\"}                           | 'value' is missing",
        "ani a number    | {\"value\":1,\"ani\":9123456789}                   | 'ani' must be a JSON string",
        "ani letters     | {\"value\":1,\"ani\":\"12ab\"}                     | not a telephone number",
        "unknown field   | {\"value\":1,\"ani\":\"9123456789\",\"dnis\":\"5\"} | unknown field 'dnis'",
        "unknown pool    | {\"value\":1,\"ani\":\"9123456789\",\"pool\":\"x\"} | pool 'x' is not configured",
        "ttl over max    | {\"value\":1,\"ani\":\"9123456789\",\"ttl\":3601}  | ttl 3601 is out of range",
    })
    void aBadBodyIs400SayingWhatIsWrongAndStoresNothing(String what, String body, String detail, Api api) {
        HttpResponse<String> response = post(api, JSON, body, null);

        assertProblem(response, 400, detail);
        assertEquals("close", response.headers().firstValue("Connection").orElse(""),
                "an error to a request with a body closes the connection");
        assertEquals(0, edge.store().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5551234500", "5551234500:", "abc:9123456789", "5551234500:123:456"})
    void aMalformedKeyIs400(String key, Api api) {
        assertProblem(api.get(key), 400, "");
        assertProblem(api.delete(key), 400, "");
    }

    @Test
    void aMalformedIdempotencyKeyIs400(Api api) {
        HttpResponse<String> response = api.send(api.request("DNIS-ANI").header("Content-Type", JSON)
                .header("Idempotency-Key", "has space")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + ANI + "\"}")), Deployment.ADMIN);

        assertProblem(response, 400, "Idempotency-Key");
        assertEquals(0, edge.store().size());
    }

    @Test
    void anUnknownPathIs404NamingIt(Api api) {
        assertProblem(api.send(api.request("nosuch").GET(), Deployment.ADMIN), 404, "no resource at /cticache/nosuch");
        assertProblem(api.send(api.request("DNIS-ANI/1:2/more").GET(), Deployment.ADMIN), 404, "/DNIS-ANI/1:2/more");
    }

    @Test
    void aMethodNotAllowedIs405NamingItWithAllow(Api api) {
        HttpResponse<String> put = api.send(api.request("DNIS-ANI/5551234500:" + ANI)
                .header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString("{}")), Deployment.ADMIN);

        assertProblem(put, 405, "method PUT is not allowed on /cticache/DNIS-ANI/5551234500:" + ANI);
        Set<String> allowed = Set.of(put.headers().firstValue("Allow").orElseThrow().split("\\s*,\\s*"));
        assertTrue(allowed.containsAll(Set.of("GET", "DELETE")), allowed.toString());
        assertProblem(api.send(api.request("DNIS-ANI").GET(), Deployment.ADMIN), 405, "method GET");
    }

    @Test
    void anAcceptThatRulesOutJsonAndXmlIs406InProblemJson(Api api) {
        String key = api.created(ANI, "1").path("dnis").asText() + ":" + ANI;

        HttpResponse<String> response = api.send(api.request("DNIS-ANI/" + key).header("Accept", "text/html").GET(),
                Deployment.ADMIN);
        assertProblem(response, 406, "application/json, application/xml or text/xml");
    }

    @Test
    void aBodyOverTheConfiguredMaximumIs413AndOneAtItIsAccepted(Api api) {
        String envelope = "{\"value\":\"\",\"ani\":\"" + ANI + "\"}";
        String atTheLimit = envelope.replace("\"\"",
                "\"" + "x".repeat(InMemoryEdge.BODY_MAX - envelope.length()) + "\"");

        assertProblem(post(api, JSON, atTheLimit.replace("\"x", "\"xx"), null), 413, InMemoryEdge.BODY_MAX + " bytes");
        assertEquals(0, edge.store().size());
        assertEquals(201, post(api, JSON, atTheLimit, null).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/*"})
    void aPostThatIsNeitherJsonNorAFormIs415(String contentType, Api api) {
        assertProblem(post(api, contentType, "{\"value\":1,\"ani\":\"" + ANI + "\"}", null), 415, "send the body as"
                + " application/json");
        assertEquals(0, edge.store().size());
    }

    @Test
    void aPostWithoutContentTypeIs415(Api api) {
        assertProblem(post(api, null, "{\"value\":1,\"ani\":\"" + ANI + "\"}", null), 415, "Content-Type is missing");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIs422NamingIt(Api api) {
        assertEquals(201, post(api, JSON, "{\"value\":1,\"ani\":\"" + ANI + "\"}", "retry-1").statusCode());

        assertProblem(post(api, JSON, "{\"value\":2,\"ani\":\"" + ANI + "\"}", "retry-1"), 422,
                "'retry-1' was already used");
        assertEquals(1, edge.store().size());
    }

    @Test
    void anExhaustedPoolIs503WithRetryAfterUntilTheCallersFirstEntryExpires(Api api) {
        String small = "{\"value\":1,\"ani\":\"" + ANI + "\",\"pool\":\"small\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(201, post(api, JSON, small, null).statusCode());
            edge.store().advance(Duration.ofSeconds(1));
        }

        HttpResponse<String> refused = post(api, JSON, small, null);
        assertProblem(refused, 503, "every DNIS of pool 'small' (5 numbers) already holds a live entry for this ANI");
        assertEquals("40", refused.headers().firstValue("Retry-After").orElseThrow(), "45 s ttl, 5 s gone");
        assertEquals(5, edge.store().size());
        edge.store().advance(Duration.ofSeconds(40));
        assertEquals(201, post(api, JSON, small, null).statusCode());
    }

    @Test
    void anUnreachableStoreIs503WithRetryAfterOneSecond(Api api) {
        edge.store().down();

        HttpResponse<String> refused = api.get("5551234500:" + ANI);
        assertProblem(refused, 503, "nothing was changed");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertProblem(api.create(ANI, "1"), 503, "");
    }

    @Test
    void anEntryThatCannotBeReadIs500QuotingAReferenceNotTheEntry(Api api) {
        // A sealed value, which a deployment with encryption off refuses to serve.
        edge.store().plant(ANI + ":5551234500", "\u0001a1b2c3d4:c2VhbGVk");

        HttpResponse<String> response = api.get("5551234500:" + ANI);
        JsonNode problem = assertProblem(response, 500, "under reference ");
        assertFalse(response.body().contains(ANI) || response.body().contains("c2VhbGVk"), response.body());
        assertEquals("Internal Server Error", problem.path("title").asText());
    }

    @Test
    void anUnexpectedFailureIs500QuotingTheRequestIdNeverTheExceptionsText(Api api) {
        // Without a stack trace: the one the log would show is the test runner's.
        edge.store().failWith(new RuntimeException("secret detail 9123456789", null, false, false) { });

        HttpResponse<String> response = api.send(api.request("DNIS-ANI/5551234500:" + ANI)
                .header("X-Request-Id", "ivr-7.call-42").GET(), Deployment.ADMIN);
        assertProblem(response, 500, "the service log has the details under reference ivr-7.call-42");
        assertFalse(response.body().contains("secret") || response.body().contains(ANI), response.body());
    }

    @ParameterizedTest
    @CsvSource({"application/xml, application/problem+xml;charset=UTF-8", "text/xml, text/xml;charset=UTF-8",
            "'text/xml;q=0.5, application/problem+xml', application/problem+xml;charset=UTF-8"})
    void anErrorComesAsRfc9457XmlToAClientThatPrefersXml(String accept, String contentType, Api api) {
        HttpResponse<String> response = api.send(api.request("DNIS-ANI/5551234500:" + ANI).header("Accept", accept)
                .GET(), Deployment.ADMIN);

        assertEquals(404, response.statusCode());
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("<problem xmlns=\"urn:ietf:rfc:7807\"><type>about:blank</type><title>Not"
                + " Found</title><status>404</status><detail>no live entry for 5551234500:" + ANI), response.body());
    }

    private static HttpResponse<String> post(Api api, String contentType, String body, String idempotencyKey) {
        HttpRequest.Builder request = api.request("DNIS-ANI").POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request, Deployment.ADMIN);
    }
}
