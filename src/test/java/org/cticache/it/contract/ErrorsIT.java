package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StoredKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SharedDeployment.class)
class ErrorsIT {

    private static final String ANI = "%ANI%";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON                | {value: 1}                                               | not valid JSON",
        "empty body              | ``                                                       | empty",
        "array body              | [1,2]                                                    | JSON object",
        "trailing data           | {\"value\":1,\"ani\":\"%ANI%\"} x                         | not valid JSON",
        "missing value           | {\"ani\":\"%ANI%\"}                                       | 'value' is missing",
        "null value              | {\"value\":null,\"ani\":\"%ANI%\"}                        | 'value' is null",
        "missing ani             | {\"value\":1}                                             | 'ani' is missing",
        "ani a number            | {\"value\":1,\"ani\":1234567890}                          | 'ani' must be a JSON string",
        "ani null                | {\"value\":1,\"ani\":null}                                | 'ani' must be a JSON string",
        "ani letters             | {\"value\":1,\"ani\":\"12ab\"}                            | not a telephone number",
        "ani empty               | {\"value\":1,\"ani\":\"\"}                                | not a telephone number",
        "ani 33 digits           | {\"value\":1,\"ani\":\"123456789012345678901234567890123\"} | not a telephone number",
        "unknown field           | {\"value\":1,\"ani\":\"%ANI%\",\"dnis\":\"5551234500\"}   | unknown field 'dnis'",
        "duplicate field         | {\"value\":1,\"value\":2,\"ani\":\"%ANI%\"}               | not valid JSON",
        "pool a number           | {\"value\":1,\"ani\":\"%ANI%\",\"pool\":7}                | 'pool' must be a JSON string",
        "unknown pool            | {\"value\":1,\"ani\":\"%ANI%\",\"pool\":\"nosuch\"}       | pool 'nosuch' is not configured",
        "ttl a string            | {\"value\":1,\"ani\":\"%ANI%\",\"ttl\":\"60\"}            | 'ttl' must be a JSON integer",
        "ttl a fraction          | {\"value\":1,\"ani\":\"%ANI%\",\"ttl\":1.5}               | 'ttl' must be a JSON integer",
        "ttl zero                | {\"value\":1,\"ani\":\"%ANI%\",\"ttl\":0}                 | ttl 0 is out of range",
        "ttl over the maximum    | {\"value\":1,\"ani\":\"%ANI%\",\"ttl\":3601}              | ttl 3601 is out of range",
        "ttl huge                | {\"value\":1,\"ani\":\"%ANI%\",\"ttl\":99999999999999999999} | out of range",
    })
    void aBadBodyIs400AndStoresNothing(String what, String body, String detail, Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();

        assertProblem(api.create(body.replace(ANI, ani)), 400, detail);
        assertNothingStoredFor(ani, redis);
    }

    @Test
    void aBodyOverTheLimitIs413WithContentLength(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        String body = "{\"value\":\"" + "x".repeat(16_384) + "\",\"ani\":\"" + ani + "\"}";

        assertProblem(api.create(body), 413, "16384 bytes");
        assertNothingStoredFor(ani, redis);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        byte[] body = ("{\"value\":\"" + "x".repeat(20_000) + "\",\"ani\":\"" + ani + "\"}").getBytes();

        HttpResponse<String> response = api.send(api.request("DNIS-ANI").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                Deployment.ADMIN);
        assertProblem(response, 413, "16384 bytes");
        assertNothingStoredFor(ani, redis);
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted(Api api) {
        String ani = Numbers.uniqueAni();
        String envelope = "{\"value\":\"\",\"ani\":\"" + ani + "\"}";
        String body = envelope.replace("\"\"", "\"" + "x".repeat(16_384 - envelope.length()) + "\"");

        assertEquals(16_384, body.length());
        assertEquals(201, api.create(body).statusCode());
    }

    @ParameterizedTest
    @CsvSource(value = {"text/plain", "application/x-www-form-urlencoded", "application/xml", "nonsense"})
    void aPostThatIsNotJsonIs415(String contentType, Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.send(api.request("DNIS-ANI").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + ani + "\"}")),
                Deployment.ADMIN);

        assertProblem(response, 415, "application/json");
        assertNothingStoredFor(ani, redis);
    }

    @Test
    void aPostWithoutContentTypeIs415(Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = api.send(api.request("DNIS-ANI")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + ani + "\"}")),
                Deployment.ADMIN);

        assertProblem(response, 415, "Content-Type is missing");
        assertNothingStoredFor(ani, redis);
    }

    @Test
    void anUnknownPathIs404(Api api) {
        assertProblem(api.send(api.request("nosuch").GET(), Deployment.ADMIN), 404, "/cticache/nosuch");
        assertProblem(api.send(api.request("DNIS-ANI/1:2/more").GET(), Deployment.ADMIN), 404, "");
    }

    @Test
    void aMethodNotAllowedIs405WithAllow(Api api) {
        HttpResponse<String> put = api.send(api.request("DNIS-ANI/5551234500:1234567890")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")), Deployment.ADMIN);
        assertProblem(put, 405, "PUT");
        Set<String> allowed = Set.of(put.headers().firstValue("Allow").orElseThrow().split("\\s*,\\s*"));
        assertTrue(allowed.containsAll(Set.of("GET", "DELETE")), allowed.toString());

        assertProblem(api.send(api.request("DNIS-ANI").GET(), Deployment.ADMIN), 405, "GET");
        assertProblem(api.send(api.request("DNIS-ANI/5551234500:1234567890")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"),
                Deployment.ADMIN), 405, "POST");
    }

    private static void assertNothingStoredFor(String ani, RedisUnderTest redis) {
        assertEquals(Set.of(), redis.data().keys(StoredKeys.of(ani) + "*"), "keys stored by a failed request");
    }
}
