package org.cticache.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.Arrays;
import org.cticache.core.InvalidInputException;
import org.cticache.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes, Content-Type and Content-Length a POST brings, the readers answer a request or a client error
 * (400, 413 or 415), never anything that would become a 500.
 */
class RequestBodyPropertyTest {

    private static final int MAX = 1024;
    private static final int SAMPLES = 1000;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String VALID = "{\"value\":{\"a\":[1,\"\u00e9\",null]},\"ani\":\"1234567890\",\"ttl\":5}";
    private static final List<String> FORM_TYPES = List.of(FORM, FORM + "; charset=utf-8",
            FORM + "; charset=iso-8859-1", FORM + "; charset=utf-16", FORM + "; charset=x-nonesuch",
            FORM + "; charset=\"\u00e9\"", FORM + "; charset=");
    private static final List<String> UNICODE = List.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");

    private final CreateRequestReader reader = new CreateRequestReader(MAX);

    @Test
    void anyBytesAsJsonAreARequestOrAClientError() {
        Samples.check(SAMPLES, random -> {
            byte[] body = random.bytes(MAX + 8);
            requestOrClientError(() -> read(JSON, body));
        });
    }

    @Test
    void anyBytesAsAFormAreARequestOrAClientError() {
        Samples.check(SAMPLES, random -> {
            byte[] body = random.bytes(MAX + 8);
            requestOrClientError(() -> read(FORM, body));
        });
    }

    @Test
    void aValidBodyWithOneByteChangedIsARequestOrAClientError() {
        byte[] valid = VALID.getBytes(UTF_8);
        Samples.check(SAMPLES, random -> {
            int at = random.nextInt(valid.length);
            byte b = random.nextByte();
            byte[] body = switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] replaced = valid.clone();
                    replaced[at] = b;
                    yield replaced;
                }
                case 1 -> {
                    byte[] inserted = new byte[valid.length + 1];
                    System.arraycopy(valid, 0, inserted, 0, at);
                    inserted[at] = b;
                    System.arraycopy(valid, at, inserted, at + 1, valid.length - at);
                    yield inserted;
                }
                default -> Arrays.copyOf(valid, at);
            };
            requestOrClientError(() -> {
                CreateRequest request = read(JSON, body);
                String bodyText = new String(body, StandardCharsets.ISO_8859_1);
                String valueBytes = new String(request.value().json().getBytes(UTF_8), StandardCharsets.ISO_8859_1);
                assertTrue(bodyText.contains(valueBytes), "the value is stored as the very bytes sent");
                return request;
            });
        });
    }

    @Test
    void aFormWithAnyFieldsAndPercentEscapesIsARequestOrAClientError() {
        List<String> names = List.copyOf(CreateRequestReader.FIELDS);
        Samples.check(SAMPLES, random -> {
            StringBuilder form = new StringBuilder();
            for (int pairs = random.nextInt(6); pairs > 0; pairs--) {
                String name = random.nextBoolean() ? random.pick(names) : random.string("abcx%+=", 5);
                form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                        .append(random.string("0123456789abcdefABCDEF%+=&-() \u00e9", 12));
            }
            String contentType = random.pick(FORM_TYPES);
            requestOrClientError(() -> read(contentType, form.toString().getBytes(StandardCharsets.ISO_8859_1)));
        });
    }

    @Test
    void anyFormBytesInAnyCharsetAreARequestOrAClientError() {
        List<Charset> charsets = List.copyOf(Charset.availableCharsets().values());
        Samples.check(SAMPLES, random -> {
            byte[] body = random.bytes(64);
            Charset charset = random.pick(charsets);
            requestOrClientError(() -> FormRequestReader.parse(body, charset));
        });
    }

    @Test
    void anyContentTypeIsReadOrRefused() {
        Samples.check(SAMPLES, random -> {
            String contentType = random.anyString(40);
            requestOrClientError(() -> read(contentType, VALID.getBytes(UTF_8)));
        });
    }

    @Test
    void anyDeclaredLengthIsReadOrRefused() {
        Samples.check(SAMPLES, random -> {
            long declaredLength = random.nextBoolean() ? random.nextLong() : random.nextInt(MAX * 2) - 8;
            byte[] body = random.bytes(MAX + 8);
            requestOrClientError(() -> reader.read(JSON, declaredLength, new ByteArrayInputStream(body)));
        });
    }

    /** The one valid body in the encodings a client might pick: read in UTF-8, refused with 415 in UTF-16/32. */
    @Test
    void aValidBodyIsReadInUtf8AndRefusedInUtf16Or32() {
        for (String encoding : UNICODE) {
            for (boolean byteOrderMark : new boolean[] {false, true}) {
                for (boolean charsetParameter : new boolean[] {false, true}) {
                    byte[] body = ((byteOrderMark ? "\uFEFF" : "") + VALID).getBytes(Charset.forName(encoding));
                    String contentType = charsetParameter ? JSON + "; charset=" + encoding : JSON;
                    if (encoding.equals("UTF-8")) {
                        assertEquals("{\"a\":[1,\"\u00e9\",null]}", read(contentType, body).value().json());
                    } else {
                        assertEquals(415, assertClientError(() -> read(contentType, body)), encoding);
                    }
                }
            }
        }
    }

    private CreateRequest read(String contentType, byte[] body) {
        return reader.read(contentType, body.length, new ByteArrayInputStream(body));
    }

    /** Passes on a request or a client error; anything else thrown fails the property. */
    private static void requestOrClientError(Supplier<CreateRequest> reading) {
        try {
            reading.get();
        } catch (InvalidInputException | WebApplicationException e) {
            assertClientError(() -> {
                throw e;
            });
        }
    }

    /** The status of the client error the reading ends in: 400 for invalid input, else the exception's 4xx. */
    private static int assertClientError(Supplier<CreateRequest> reading) {
        try {
            reading.get();
        } catch (InvalidInputException e) {
            return 400;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            assertTrue(status >= 400 && status < 500, () -> "status " + status + ": " + e.getMessage());
            return status;
        }
        throw new AssertionError("read as a request, expected a client error");
    }
}
