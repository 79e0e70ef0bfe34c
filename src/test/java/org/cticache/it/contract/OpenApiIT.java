package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.cticache.testing.Api;
import org.cticache.testing.OpenApiConformance;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDeployment.class)
class OpenApiIT {

    private static final Set<String> PATHS = Set.of("/DNIS-ANI", "/DNIS-ANI/{key}", "/DNIS/{dnis}", "/health",
            "/openapi.json", "/metrics", "/pools", "/docs", "/docs/{file}", "/status", "/status/{file}");

    @Test
    void theOpenApiDocumentIsServedWithoutCredentialsAndListsEveryPath(Api api) {
        HttpResponse<String> response = api.send(api.request("openapi.json").GET(), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        JsonNode document = Api.json(response);
        assertEquals("3.1.0", document.path("openapi").asText());
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(new TreeSet<>(PATHS), paths);
    }

    @Test
    void theServedDocumentIsTheOneEveryAnswerIsCheckedAgainst(Api api) throws IOException {
        HttpResponse<String> response = api.send(api.request("openapi.json").GET(), null);

        try (InputStream checked = getClass().getClassLoader().getResourceAsStream(OpenApiConformance.RESOURCE)) {
            assertEquals(new String(checked.readAllBytes(), StandardCharsets.UTF_8), response.body());
        }
    }

    @Test
    void theOpenApiDocumentIsOpenOverPlainHttpEvenWhenTlsIsRequired(Target target) {
        Api plain = target.plainApi();
        HttpResponse<String> response = plain.send(plain.request("openapi.json").GET(), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("3.1.0", Api.json(response).path("openapi").asText());
    }
}
