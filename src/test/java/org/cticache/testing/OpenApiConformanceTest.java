package org.cticache.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiConformanceTest {

    private static final String PROBLEM_404 =
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no resource at /x\"}";
    private static final String CREATED =
            "{\"dnis\":\"5551234500\",\"ani\":\"1234567890\",\"value\":\"v\",\"pool\":\"default\",\"ttl\":60}";

    private final OpenApiConformance document = OpenApiConformance.document();

    @Test
    void aDeclaredAnswerHasNoProblems() {
        assertEquals(List.of(), document.problemsOf(answer("POST", "DNIS-ANI", 201, Map.of("Content-Type",
                "application/json", "Location", "/cticache/DNIS-ANI/5551234500:1234567890"), CREATED)));
        assertEquals(List.of(), document.problemsOf(answer("DELETE", "DNIS-ANI/5551234500:1", 200,
                Map.of("Content-Type", "application/json"), "{\"value\":{\"a\":[1,null]}}")));
        assertEquals(List.of(), document.problemsOf(answer("GET", "health", 503,
                Map.of("Content-Type", "text/xml;charset=UTF-8"), "<?xml version=\"1.0\"?><health><status>DOWN"
                        + "</status></health>")));
    }

    @Test
    void anUndeclaredStatusIsReported() {
        assertProblem("status 201 is not declared for GET /DNIS-ANI/{key}", answer("GET", "DNIS-ANI/5551234500:1",
                201, Map.of("Content-Type", "application/json"), "{\"value\":1}"));
    }

    @Test
    void aContentTypeNotDeclaredForTheStatusIsReported() {
        assertProblem("Content-Type text/html is not declared", answer("GET", "DNIS-ANI/5551234500:1", 404,
                Map.of("Content-Type", "text/html"), "<html/>"));
        assertProblem("Content-Type application/json is not declared", answer("GET", "DNIS-ANI/5551234500:1", 404,
                Map.of("Content-Type", "application/json"), PROBLEM_404));
    }

    @Test
    void aBodyThatBreaksTheSchemaIsReported() {
        assertProblem("body", answer("GET", "DNIS-ANI/5551234500:1", 200, Map.of("Content-Type",
                "application/json"), "{\"value\":1,\"dnis\":\"5551234500\"}"));
        assertProblem("body", answer("GET", "health", 200, Map.of("Content-Type", "application/json"),
                "{\"status\":\"DOWN\"}"));
        assertProblem("not JSON", answer("GET", "DNIS-ANI/5551234500:1", 200, Map.of("Content-Type",
                "application/json"), "value"));
    }

    @Test
    void aMissingRequiredHeaderIsReported() {
        assertProblem("required header Location is missing", answer("POST", "DNIS-ANI", 201,
                Map.of("Content-Type", "application/json"), CREATED));
        assertProblem("required header Retry-After is missing", answer("GET", "DNIS-ANI/5551234500:1", 503,
                Map.of("Content-Type", "application/problem+json"), PROBLEM_404.replace("404", "503")));
        assertProblem("header Retry-After", answer("GET", "DNIS-ANI/5551234500:1", 503, Map.of("Content-Type",
                "application/problem+json", "Retry-After", "soon"), PROBLEM_404.replace("404", "503")));
    }

    @Test
    void aProblemStatusThatDiffersFromTheAnswersIsReported() {
        assertProblem("differs from the HTTP status", answer("GET", "DNIS-ANI/5551234500:1", 404,
                Map.of("Content-Type", "application/problem+json"), PROBLEM_404.replace("404", "400")));
    }

    @Test
    void aRequestOutsideTheDocumentMayOnlyBeRefused() {
        assertEquals(List.of(), document.problemsOf(answer("GET", "nosuch", 404,
                Map.of("Content-Type", "application/problem+json"), PROBLEM_404)));
        assertEquals(List.of(), document.problemsOf(answer("PUT", "DNIS-ANI/5551234500:1", 405, Map.of(
                "Content-Type", "application/problem+json", "Allow", "GET, DELETE, OPTIONS"),
                PROBLEM_404.replace("404", "405"))));
        assertProblem("may only be answered 401, 403, 404", answer("GET", "DNIS-ANI/1/2", 200,
                Map.of("Content-Type", "application/json"), "{}"));
        assertProblem("may only be answered 401, 403, 405", answer("PUT", "DNIS-ANI", 404,
                Map.of("Content-Type", "application/problem+json"), PROBLEM_404));
    }

    @Test
    void anXmlAnswerIsCheckedByTheElementsItsSchemaNames() {
        assertProblem("XML root element <health>, declared <entry>", answer("GET", "DNIS/5551234500", 200,
                Map.of("Content-Type", "application/xml"), "<health><status>UP</status></health>"));
        assertProblem("lacks required child <detail>", answer("GET", "DNIS/5551234500", 404,
                Map.of("Content-Type", "application/problem+xml"), "<problem xmlns=\"urn:ietf:rfc:7807\">"
                        + "<type>about:blank</type><title>Not Found</title><status>404</status></problem>"));
        assertProblem("XML root namespace null, declared urn:ietf:rfc:7807", answer("GET", "DNIS/5551234500", 404,
                Map.of("Content-Type", "text/xml"), "<problem><type>about:blank</type><title>Not Found</title>"
                        + "<status>404</status><detail>none</detail></problem>"));
    }

    private void assertProblem(String expected, HttpResponse<String> answer) {
        List<String> problems = document.problemsOf(answer);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expected)),
                () -> "expected a problem containing '" + expected + "', got " + problems);
    }

    private static HttpResponse<String> answer(String method, String path, int status, Map<String, String> headers,
                                               String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost/cticache/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        // Every answer of cticache carries the request id.
        Map<String, List<String>> all = new HashMap<>(Map.of("X-Request-Id", List.of("test-1")));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new Answer<>(request, status, HttpHeaders.of(all, (name, value) -> true), body);
    }
}
