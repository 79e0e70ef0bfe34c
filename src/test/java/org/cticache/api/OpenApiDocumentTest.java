package org.cticache.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cticache.security.Roles;
import org.cticache.testing.OpenApiConformance;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final OpenApiConformance conformance = OpenApiConformance.document();
    private final JsonNode document = conformance.json();

    @Test
    void theResourceServesTheFileTheTestsCheckAnswersAgainst() throws IOException {
        try (InputStream checked = getClass().getClassLoader().getResourceAsStream(OpenApiConformance.RESOURCE)) {
            assertArrayEquals(checked.readAllBytes(), new OpenApiResource().document());
        }
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals("/cticache", document.path("servers").path(0).path("url").asText());
    }

    @Test
    void everyRefResolvesInsideTheDocument() {
        List<String> refs = new ArrayList<>();
        walk(document, "", (node, pointer) -> {
            if (node.has("$ref")) {
                refs.add(pointer);
                String ref = node.get("$ref").asText();
                assertTrue(ref.startsWith("#/"), () -> "non-local $ref " + ref + " at " + pointer);
                assertFalse(document.at(ref.substring(1)).isMissingNode(),
                        () -> "$ref " + ref + " at " + pointer + " points at nothing");
            }
        });
        assertFalse(refs.isEmpty());
    }

    @Test
    void everyOperationHasAnIdAndDescribedResponsesAndGuardedOnesDeclareTheirRefusals() {
        Set<String> ids = new HashSet<>();
        operations((operation, pointer) -> {
            assertTrue(ids.add(operation.path("operationId").asText()), () -> "operationId of " + pointer);
            JsonNode responses = operation.path("responses");
            assertFalse(responses.isEmpty(), () -> pointer + " declares no responses");
            responses.fieldNames().forEachRemaining(status -> assertTrue(document.at(conformance.resolve(
                    pointer + "/responses/" + status)).hasNonNull("description"),
                    () -> pointer + " response " + status + " has no description"));
            assertTrue(responses.has("500"), () -> pointer + " lacks 500");
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            assertEquals(!open, responses.has("401"), () -> pointer + ": 401 when not open");
            // An open page that asks for a password to try the calls is refused over plain HTTP with TLS required.
            String path = "/cticache" + pointer.split("/")[2].replace("~1", "/").replace("~0", "~");
            assertEquals(!open || !Roles.isOpenOverPlainHttp(path, "/cticache"), responses.has("403"),
                    () -> pointer + ": 403 when not open over plain HTTP");
            assertEquals(open, !operation.has("x-cticache-roles"), () -> pointer + ": roles unless open");
        });
        assertEquals(Set.of("create", "peek", "take", "peekByDnis", "takeByDnis", "health", "openApi", "metrics",
                "pools", "docs", "docsFile", "statusPage", "statusFile"), ids);
    }

    @Test
    void everyPathTemplateParameterIsDeclaredRequiredInThePath() {
        document.path("paths").fields().forEachRemaining(path -> {
            Matcher names = PATH_PARAMETER.matcher(path.getKey());
            while (names.find()) {
                String name = names.group(1);
                boolean declared = false;
                for (int i = 0; i < path.getValue().path("parameters").size(); i++) {
                    JsonNode parameter = document.at(conformance.resolve("/paths/"
                            + OpenApiConformance.escape(path.getKey()) + "/parameters/" + i));
                    declared |= parameter.path("in").asText().equals("path")
                            && parameter.path("name").asText().equals(name)
                            && parameter.path("required").asBoolean();
                }
                assertTrue(declared, () -> path.getKey() + " does not declare required path parameter " + name);
            }
        });
    }

    @Test
    void everySchemaCompiles() {
        List<String> schemas = new ArrayList<>();
        walk(document, "", (node, pointer) -> {
            if (node.has("schema")) {
                schemas.add(pointer + "/schema");
            }
        });
        document.path("components").path("schemas").fieldNames()
                .forEachRemaining(name -> schemas.add("/components/schemas/" + OpenApiConformance.escape(name)));
        for (String pointer : schemas) {
            conformance.schema(pointer).validate("\"any\"", InputFormat.JSON);
        }
        assertTrue(schemas.size() > 20, schemas::toString);
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> examples = new ArrayList<>();
        walk(document, "", (node, pointer) -> {
            if (node.has("example") && node.has("schema")) {
                examples.add(pointer);
                assertEquals(List.of(), conformance.schema(pointer + "/schema")
                        .validate(node.get("example").toString(), InputFormat.JSON)
                        .stream().map(Object::toString).toList(), () -> "example at " + pointer);
            }
        });
        assertTrue(examples.size() >= 5, examples::toString);
    }

    @Test
    void schemasRejectWhatTheContractForbids() {
        Map<String, String> invalid = Map.of(
                "/components/schemas/EntryValue", "{\"value\":null}",
                "/components/schemas/CreatedEntry", "{\"dnis\":\"555-1234\",\"ani\":\"1\",\"value\":1,"
                        + "\"pool\":\"default\",\"ttl\":60}",
                "/components/schemas/Problem", "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}",
                "/components/schemas/Up", "{\"status\":\"DOWN\"}",
                "/paths/~1DNIS~1{dnis}/parameters/0/schema", "42",
                "/components/schemas/Pools", "{\"pools\":[{\"name\":\"default\",\"match\":\"ani\",\"size\":1,"
                        + "\"live\":0,\"utilisation\":0,\"exhaustions\":0,\"noShows\":0}]}");
        invalid.forEach((pointer, json) -> assertFalse(
                conformance.schema(pointer).validate(json, InputFormat.JSON).isEmpty(), () -> pointer + " accepts "
                        + json));
    }

    private void operations(BiConsumer<JsonNode, String> action) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(field -> {
            if (METHODS.contains(field.getKey())) {
                action.accept(field.getValue(), "/paths/" + OpenApiConformance.escape(path.getKey()) + "/"
                        + field.getKey());
            }
        }));
    }

    /** Visits every object of the document with its JSON pointer. */
    private static void walk(JsonNode node, String pointer, BiConsumer<JsonNode, String> visit) {
        if (node.isObject()) {
            visit.accept(node, pointer);
            node.fields().forEachRemaining(field -> walk(field.getValue(),
                    pointer + "/" + OpenApiConformance.escape(field.getKey()), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        }
    }
}
