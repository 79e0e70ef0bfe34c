package org.cticache.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.InvalidInputException;

/**
 * Turns a POST body into a {@link CreateRequest}, or into the one error that says what is wrong with it. Checks
 * types strictly, since a client that sends {@code "ttl":"60"} has a bug the answer should reveal.
 */
final class CreateRequestReader {

    private static final List<String> FIELDS = List.of("value", "ani", "pool", "ttl");

    // Exact numbers (42 stays 42, 1.10 stays 1.10, big integers stay whole) and no duplicate members, so the
    // stored value is exactly what the client meant.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final int maxBytes;

    CreateRequestReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    CreateRequest read(String contentType, long declaredLength, InputStream body) {
        requireJson(contentType);
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return fields(parse(bytes));
    }

    private static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new NotSupportedException("Content-Type is missing; send the body as application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("Content-Type '" + contentType + "' is malformed; use application/json");
        }
        if (!type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new NotSupportedException("Content-Type " + type.getType() + "/" + type.getSubtype()
                    + " is not accepted; send the body as application/json");
        }
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("the body is larger than the configured maximum of " + maxBytes + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("the body is empty; expected a JSON object such as"
                    + " {\"value\": \"12345678\", \"ani\": \"1234567890\"}");
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CreateRequest fields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object such as"
                    + " {\"value\": \"12345678\", \"ani\": \"1234567890\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown field '" + name + "'; the fields are " + FIELDS);
            }
        }
        JsonNode value = body.get("value");
        if (value == null || value.isNull()) {
            throw new InvalidInputException("field 'value' is " + (value == null ? "missing" : "null")
                    + "; it holds the call data: a string, number, boolean, object or array");
        }
        JsonNode ani = body.get("ani");
        if (ani == null) {
            throw new InvalidInputException("field 'ani' is missing; it holds the caller's number");
        }
        return new CreateRequest(Ani.parse(string(ani, "ani")), new CallData(value.toString()),
                body.has("pool") ? string(body.get("pool"), "pool") : null,
                body.has("ttl") ? ttl(body.get("ttl")) : null);
    }

    private static String string(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new InvalidInputException("field '" + field + "' must be a JSON string, not " + type(node));
        }
        return node.textValue();
    }

    private static Long ttl(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new InvalidInputException("field 'ttl' must be a JSON integer (seconds), not " + type(node));
        }
        if (!node.canConvertToLong()) {
            throw new InvalidInputException("field 'ttl' " + node + " is out of range");
        }
        return node.longValue();
    }

    private static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "another JSON type";
        };
    }
}
