package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cticache.testing.Api;
import org.cticache.testing.AuditLines;
import org.cticache.testing.Deployment;
import org.cticache.testing.Planted;
import org.cticache.testing.Scrape;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request id, and one audit line per call for planted call data sent through every kind of call. */
// The last check of the run (it/logs) searches every target's logs for the planted data; in the embedded Jetty,
// whose log this JVM sees, each call's audit line is also checked field by field.
@ExtendWith(SharedDeployment.class)
class AuditIT {

    private static final String HEADER = "X-Request-Id";
    private static final String JSON = "application/json";
    private static final String OUTSIDE = "/outside-cticache";
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LINE = Pattern.compile("time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"
            + " request=\\S+ user=\\S+ op=\\S+ pool=\\S+ dnis=\\S+ ani=\\S+ status=\\d{3} ms=\\d+\\.\\d");

    @Test
    void aPlainClientRequestIdIsEchoed(Api api) {
        HttpResponse<String> response = api.send(api.request("health").header(HEADER, "ivr-7.call_42:a").GET(), null);

        assertEquals("ivr-7.call_42:a", response.headers().firstValue(HEADER).orElse(null));
    }

    @Test
    void aRequestIdIsGeneratedWhenTheClientSendsNoneOrAnUnsafeOne(Api api) {
        String generated = api.health().headers().firstValue(HEADER).orElse("");
        String replaced = api.send(api.request("health").header(HEADER, "a=b;" + Planted.VALUE).GET(), null)
                .headers().firstValue(HEADER).orElse("");
        String tooLong = api.send(api.request("health").header(HEADER, "x".repeat(129)).GET(), null)
                .headers().firstValue(HEADER).orElse("");

        for (String id : List.of(generated, replaced, tooLong)) {
            assertTrue(UUID_FORM.matcher(id).matches(), () -> "a generated UUID, not '" + id + "'");
        }
        assertNotEquals(generated, replaced);
    }

    @Test
    void everyAnswerEchoesTheRequestIdAlsoTheContainersOwn401And403(Api api) {
        String key = "DNIS-ANI/5551234500:" + Planted.ANI;
        assertEchoed(api, 401, api.request(key).GET(), null);
        assertEchoed(api, 401, api.request(key).DELETE(), null);
        assertEchoed(api, 403, api.request(key).GET(), Deployment.WRITER);
        assertEchoed(api, 403, api.request(key).DELETE(), Deployment.WRITER);
        assertEchoed(api, 404, api.request("nosuch").GET(), Deployment.ADMIN);
        assertEchoed(api, 405, api.request(key).PUT(HttpRequest.BodyPublishers.noBody()), Deployment.ADMIN);
        assertEchoed(api, 415, post(api, "text/plain", "value"), Deployment.ADMIN);
        assertEchoed(api, 400, post(api, JSON, "{}"), Deployment.ADMIN);
    }

    /** The end-of-run check (it/logs) finds this one in the container's access log, so that log is known to work. */
    @Test
    void aRequestOutsideCticacheIsLeftToTheContainer(Api api) {
        HttpResponse<String> response = api.send(api.request(OUTSIDE).GET(), null);

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue(HEADER).isEmpty(), "not cticache's request, no id of cticache's");
    }

    /** The counter is exposed from the start, for an alert on its increase; the contract's calls never fill the queue. */
    @Test
    void metricsCountTheDroppedAuditLinesNoneUnderTheContractsLoad(Api api) {
        assertEquals(200, api.health().statusCode());

        assertEquals(0, Scrape.of(api).value("cticache_audit_dropped_total"));
    }

    @Test
    void plantedCallDataGoesThroughEveryKindOfCallAndEachGetsOneAuditLine(Api api, Target target) {
        try (AuditLines audit = AuditLines.capture()) {
            List<Call> calls = new ArrayList<>();
            Call created = send(api, calls, 201, post(api, JSON, "{\"value\":\"" + Planted.VALUE + "\",\"ani\":\""
                    + Planted.ANI + "\"}").header("Idempotency-Key", Planted.VALUE), Deployment.ADMIN);
            String dnis = Api.json(created.response).path("dnis").asText();
            String key = "DNIS-ANI/" + dnis + ":" + Planted.ANI;
            String numbers = " pool=default dnis=" + dnis + " ani=" + Planted.MASKED_ANI + " ";
            created.expect("user=username op=create" + numbers);
            send(api, calls, 200, api.request(key).GET(), Deployment.READER).expect("user=reader op=peek" + numbers);
            send(api, calls, 403, api.request(key).DELETE(), Deployment.WRITER).expect("user=writer op=take");
            // The user of a container's own 403 is known on Tomcat only: Jetty 12.0 does not pass it to the error page.
            send(api, calls, 403, api.request(key).GET(), Deployment.WRITER).expect("op=peek");
            send(api, calls, 401, api.request(key).GET(), null).expect("user=- op=peek");
            send(api, calls, 401, api.request(key).DELETE(), null).expect("user=- op=take");
            // A wrong password: the line names the account being tried, never the password.
            send(api, calls, 401, api.request(key).GET().header("Authorization",
                    basic(Deployment.READER, Planted.VALUE)), null).expect("user=reader op=peek");
            send(api, calls, 401, api.request(key).DELETE().header("Authorization", basic(Deployment.READER,
                    Planted.VALUE)), null).expect("user=reader op=take");
            send(api, calls, 200, api.request(key).DELETE(), Deployment.ADMIN).expect("op=take" + numbers);
            send(api, calls, 404, api.request(key).GET(), Deployment.ADMIN).expect("op=peek" + numbers);
            send(api, calls, 404, api.request("DNIS/" + dnis).GET(), Deployment.ADMIN)
                    .expect("op=peek-dnis pool=default dnis=" + dnis + " ani=- ");
            send(api, calls, 404, api.request("DNIS/" + dnis).DELETE(), Deployment.ADMIN)
                    .expect("op=take-dnis pool=default dnis=" + dnis + " ani=- ");

            String none = " pool=- dnis=- ani=- ";
            send(api, calls, 400, post(api, JSON, "{\"value\":" + Planted.VALUE + ",\"ani\":\"" + Planted.ANI + "\"}"),
                    Deployment.ADMIN).expect("op=create" + none);
            send(api, calls, 400, post(api, JSON, "{\"value\":\"x\",\"ani\":\"" + Planted.VALUE + "\"}"),
                    Deployment.ADMIN).expect("op=create" + none);
            send(api, calls, 400, post(api, JSON, "{\"value\":\"x\",\"ani\":\"" + Planted.ANI + "\",\"pool\":\""
                    + Planted.VALUE + "\"}"), Deployment.ADMIN).expect("op=create" + none);
            send(api, calls, 400, api.request("DNIS-ANI/5551234500:" + Planted.VALUE).GET(), Deployment.ADMIN)
                    .expect("op=peek" + none);
            send(api, calls, 413, post(api, JSON, "{\"value\":\"" + Planted.VALUE.repeat(1000) + "\",\"ani\":\""
                    + Planted.ANI + "\"}"), Deployment.ADMIN).expect("op=create" + none);
            send(api, calls, 401, post(api, JSON, "{\"value\":\"" + Planted.VALUE + "\",\"ani\":\"" + Planted.ANI
                    + "\"}"), null).expect("user=- op=create" + none);
            send(api, calls, 403, post(api, JSON, "{\"value\":\"" + Planted.VALUE + "\",\"ani\":\"" + Planted.ANI
                    + "\"}"), Deployment.READER).expect("op=create" + none);

            Call form = send(api, calls, 201, post(api, "application/x-www-form-urlencoded", "value=" + Planted.VALUE
                    + "&ani=" + Planted.ANI + "&pool=small"), Deployment.WRITER);
            String formDnis = Api.json(form.response).path("dnis").asText();
            form.expect("user=writer op=create pool=small dnis=" + formDnis + " ani=" + Planted.MASKED_ANI + " ");
            send(api, calls, 200, api.request("DNIS-ANI/" + formDnis + ":" + Planted.ANI).DELETE(), Deployment.READER)
                    .expect("user=reader op=take pool=small dnis=" + formDnis + " ani=" + Planted.MASKED_ANI + " ");

            for (Call call : calls) {
                assertEquals(call.requestId, call.response.headers().firstValue(HEADER).orElse(null),
                        () -> "X-Request-Id of the " + call.response.statusCode());
            }
            // This JVM sees the log of the embedded deployment only; the stock containers' logs are searched at
            // the end of the run.
            if (target.name().equals("embedded")) {
                for (Call call : calls) {
                    String line = audit.of(call.requestId);
                    assertTrue(LINE.matcher(line).matches(), () -> "the line's form: " + line);
                    assertTrue(line.contains(call.expected + (call.expected.endsWith(" ") ? "" : " ")),
                            () -> "'" + line + "' lacks '" + call.expected + "'");
                    assertTrue(line.contains(" status=" + call.response.statusCode() + " "), line);
                    assertFalse(line.contains(Planted.VALUE) || line.contains(Planted.ANI), line);
                }
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder post(Api api, String contentType, String body) {
        return api.request("DNIS-ANI").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static void assertEchoed(Api api, int status, HttpRequest.Builder request, String user) {
        String id = "audit-" + UUID.randomUUID();
        HttpResponse<String> response = api.send(request.header(HEADER, id), user);

        assertEquals(status, response.statusCode(), response::body);
        assertEquals(id, response.headers().firstValue(HEADER).orElse(null), () -> "X-Request-Id of the " + status);
    }

    private static Call send(Api api, List<Call> calls, int status, HttpRequest.Builder request, String user) {
        String id = "audit-" + UUID.randomUUID();
        HttpResponse<String> response = api.send(request.header(HEADER, id), user);
        assertEquals(status, response.statusCode(), response::body);
        Call call = new Call(id, response);
        calls.add(call);
        return call;
    }

    /** One call made, and what its audit line must say. */
    private static final class Call {

        private final String requestId;
        private final HttpResponse<String> response;
        private String expected = "";

        private Call(String requestId, HttpResponse<String> response) {
            this.requestId = requestId;
            this.response = response;
        }

        private void expect(String fields) {
            expected = fields;
        }
    }
}
