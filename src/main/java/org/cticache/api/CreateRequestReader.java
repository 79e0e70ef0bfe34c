package org.cticache.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.cticache.core.Abbreviation;
import org.cticache.core.CallData;
import org.cticache.core.InvalidInputException;
import org.cticache.wire.Json;

/**
 * Turns a POST body, JSON or a form, into a {@link CreateRequest}, or into the one error that says what is wrong
 * with it. Checks JSON types strictly, since a client that sends {@code "ttl":"60"} has a bug the answer should
 * reveal.
 */
final class CreateRequestReader {

    static final List<String> FIELDS = List.of("value", "ani", "pool", "ttl");

    private static final String EXAMPLE = "{\"value\": \"12345678\", \"ani\": \"1234567890\"}";

    private final int maxBytes;

    CreateRequestReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param contentType the request's raw Content-Type: application/json, or application/x-www-form-urlencoded
     *                    as VoiceXML browsers post (see {@link FormRequestReader}); anything else is a 415
     */
    CreateRequest read(String contentType, long declaredLength, InputStream body) {
        Function<byte[], CreateRequest> parser = parserFor(contentType);
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = declaredLength >= 0 ? readDeclared(body, (int) declaredLength) : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return parser.apply(bytes);
    }

    /**
     * A body of known length, read into an array of that size: readNBytes(int) would take an 8 KiB scratch
     * buffer on every request, most of what reading a request allocated. A body that runs on past its declared
     * length (containers enforce it, this is for one that does not) is read on up to the maximum.
     */
    private byte[] readDeclared(InputStream body, int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = body.readNBytes(bytes, 0, length);
        if (read < length) {
            return Arrays.copyOf(bytes, read);
        }
        int next = body.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = body.readNBytes(maxBytes - length);
        byte[] all = Arrays.copyOf(bytes, length + 1 + rest.length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return all;
    }

    /** The parser for the body's type, chosen before the body is read so that a refused type reads nothing. */
    private static Function<byte[], CreateRequest> parserFor(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new NotSupportedException("Content-Type is missing; send the body as application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("Content-Type '" + contentType + "' is malformed; use application/json");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw notAccepted(type);
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return CreateRequestReader::parse;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            Charset charset = FormRequestReader.charset(type);
            return bytes -> FormRequestReader.parse(bytes, charset);
        }
        throw notAccepted(type);
    }

    private static NotSupportedException notAccepted(MediaType type) {
        return new NotSupportedException("Content-Type " + type.getType() + "/" + type.getSubtype()
                + " is not accepted; send the body as application/json");
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("the body is larger than the configured maximum of " + maxBytes + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static CreateRequest parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("the body is empty; expected a JSON object such as " + EXAMPLE);
        }
        String encoding = utf16Or32(bytes);
        if (encoding != null) {
            // RFC 9110 lets 415 come from inspecting the content. Jackson would read the text, but the value is
            // kept as the exact UTF-8 bytes the client sent, and RFC 8259 has JSON travel in UTF-8 only.
            throw new NotSupportedException("the body is " + encoding + " text, judging by its first bytes; send"
                    + " JSON in UTF-8 (RFC 8259, section 8.1)");
        }
        String value = null;
        String ani = null;
        String pool = null;
        Long ttl = null;
        try (JsonParser json = Json.strictParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("the body must be a JSON object such as " + EXAMPLE);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                switch (field) {
                    case "value" -> value = rawValue(json, token, bytes);
                    case "ani" -> ani = string(json, token, field);
                    case "pool" -> pool = string(json, token, field);
                    case "ttl" -> ttl = ttl(json, token);
                    default -> throw new InvalidInputException("unknown field '" + Abbreviation.of(field)
                            + "'; the fields are " + FIELDS);
                }
            }
            if (json.nextToken() != null) {
                throw new InvalidInputException("the body is not valid JSON: data follows the object");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw new InvalidInputException("field 'value' is missing; it holds the call data: a string, number,"
                    + " boolean, object or array");
        }
        return new CreateRequest(ani, new CallData(value), pool, ttl);
    }

    /**
     * The encoding of a body that starts with a UTF-16 or UTF-32 byte-order mark or with the zero bytes that the
     * ASCII characters a JSON text starts with have in those encodings (RFC 4627, section 3), else null. UTF-8 JSON
     * never holds a zero byte, and every body this finds is one that Jackson would not read as UTF-8.
     */
    private static String utf16Or32(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        int first = (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
        int second = bytes.length < 4 ? -1 : (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
        if (first == 0 && (second == 0xFEFF || second >= 0 && second < 0x100)) {
            return "UTF-32BE";
        }
        if (second == 0 && (first == 0xFFFE || (first & 0xFF) == 0)) {
            return "UTF-32LE";
        }
        if (first == 0xFEFF || first < 0x100) {
            return "UTF-16BE";
        }
        if (first == 0xFFFE || (first & 0xFF) == 0) {
            return "UTF-16LE";
        }
        return null;
    }

    /**
     * The value exactly as the client wrote it, cut from the body: every number keeps its spelling (42, 1.10,
     * 1e2, big integers) and every member, null ones included, is kept.
     */
    private static String rawValue(JsonParser json, JsonToken token, byte[] bytes) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            throw new InvalidInputException("field 'value' is null; it holds the call data: a string, number,"
                    + " boolean, object or array");
        }
        int start = (int) json.currentTokenLocation().getByteOffset();
        int depth = 0;
        for (JsonToken current = token; ; current = json.nextToken()) {
            if (current.isStructStart()) {
                depth++;
            } else if (current.isStructEnd()) {
                depth--;
            } else if (current == JsonToken.VALUE_STRING) {
                // Decoding each string checks its UTF-8 and moves the parser past its closing quote.
                json.getText();
            }
            if (depth == 0) {
                break;
            }
        }
        int end = (int) json.currentLocation().getByteOffset();
        String value = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        // Jackson lets overlong forms, surrogates and code points past U+10FFFF through, which new String turns
        // into U+FFFD: the value would not be stored as sent. Only a value holding U+FFFD needs the strict check.
        if (value.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start));
            } catch (CharacterCodingException e) {
                throw new InvalidInputException("the body is not valid JSON: field 'value' holds bytes that are not"
                        + " valid UTF-8");
            }
        }
        return value;
    }

    private static String string(JsonParser json, JsonToken token, String field) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidInputException("field '" + field + "' must be a JSON string, not " + type(token));
        }
        return json.getText();
    }

    private static Long ttl(JsonParser json, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidInputException("field 'ttl' must be a JSON integer (seconds), not " + type(token));
        }
        if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidInputException("field 'ttl' " + Abbreviation.of(json.getText()) + " is out of range");
        }
        return json.getLongValue();
    }

    private static String type(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            default -> "another JSON type";
        };
    }
}
