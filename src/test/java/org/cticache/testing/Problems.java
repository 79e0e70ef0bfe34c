package org.cticache.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/** Assertions on the contract's error answers: RFC 9457 problem details. */
public final class Problems {

    private Problems() {
    }

    /** Asserts a problem+json answer with this status, a title, and a detail containing the given text. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
        assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip(),
                () -> "Content-Type; body: " + response.body());
        JsonNode problem = Api.json(response);
        assertEquals(status, problem.path("status").asInt(), "status member");
        assertFalse(problem.path("title").asText().isBlank(), "title member");
        String detail = problem.path("detail").asText();
        assertFalse(detail.isBlank(), "detail member");
        assertTrue(detail.contains(detailContains), () -> "detail '" + detail + "' lacks '" + detailContains + "'");
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                "no stack trace or exception name in " + response.body());
        return problem;
    }

    /**
     * Makes the call and asserts that it answers 503 problem+json with {@code Retry-After: 1} and a detail containing
     * the text, in less than the bound: a Redis outage never hangs a caller.
     */
    public static void assertUnavailableWithin(long boundMillis, String detailContains,
                                               Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertProblem(response, 503, detailContains);
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(""), "Retry-After");
        assertTrue(millis < boundMillis, "answered after " + millis + " ms");
    }
}
