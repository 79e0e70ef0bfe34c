package org.cticache.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Speaks the cticache HTTP contract over real HTTP, as a client in the field would, and holds every answer to the
 * OpenAPI document.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient PLAIN = client(null);

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> headers;

    /** Plain HTTP, as most tests speak to the embedded deployment. */
    Api(URI base) {
        this(base, PLAIN, Map.of());
    }

    /**
     * @param http    a client that trusts the target's test certificate, for HTTPS
     * @param headers sent with every request, such as the X-Forwarded-Proto of a TLS-terminating proxy
     */
    Api(URI base, HttpClient http, Map<String, String> headers) {
        this.base = base;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    static HttpClient client(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    public URI base() {
        return base;
    }

    /** POST /DNIS-ANI with a JSON body as the admin user. */
    public HttpResponse<String> create(String json) {
        return send(request("DNIS-ANI").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), Deployment.ADMIN);
    }

    /** POST /DNIS-ANI with {"value": value, "ani": ani}; value is JSON text. */
    public HttpResponse<String> create(String ani, String valueJson) {
        return create("{\"value\":" + valueJson + ",\"ani\":\"" + ani + "\"}");
    }

    /** Creates an entry and returns the body of the 201, failing the test on anything else. */
    public JsonNode created(String ani, String valueJson) {
        HttpResponse<String> response = create(ani, valueJson);
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    public HttpResponse<String> get(String key) {
        return send(request("DNIS-ANI/" + key).GET(), Deployment.ADMIN);
    }

    public HttpResponse<String> delete(String key) {
        return send(request("DNIS-ANI/" + key).DELETE(), Deployment.ADMIN);
    }

    public HttpResponse<String> health() {
        return send(request("health").GET(), null);
    }

    /** A request builder for a path below the context root, with a timeout so no test can hang on it. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return request;
    }

    /**
     * A request builder for a path exactly as given, from the server's root (such as {@code /cticache//metrics}),
     * which {@link #request} would resolve or normalize.
     */
    public HttpRequest.Builder requestExactly(String rawPath) {
        return request(base.getScheme() + "://" + base.getRawAuthority() + rawPath);
    }

    /**
     * Sends as the given user of the test realm (password = name, "password" for the admin), or anonymously, and
     * fails unless the answer is one the OpenAPI document declares ({@link OpenApiConformance}).
     */
    public HttpResponse<String> send(HttpRequest.Builder request, String user) {
        HttpResponse<String> response = sendAsIs(request, user);
        OpenApiConformance.check(response);
        return response;
    }

    /**
     * Sends like {@link #send} without holding the answer to the OpenAPI document, for requests the container may
     * refuse by itself before cticache sees them; the caller checks what is cticache's.
     */
    public HttpResponse<String> sendAsIs(HttpRequest.Builder request, String user) {
        if (user != null) {
            String password = user.equals(Deployment.ADMIN) ? "password" : user;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
