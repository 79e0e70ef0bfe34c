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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.cticache.core.InvalidInputException;

/**
 * Whatever bytes, Content-Type and Content-Length a POST brings, the readers answer a request or a client error
 * (400, 413 or 415), never anything that would become a 500.
 */
class RequestBodyPropertyTest {

    private static final int MAX = 1024;
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String VALID = "{\"value\":{\"a\":[1,\"\u00e9\",null]},\"ani\":\"1234567890\",\"ttl\":5}";

    private final CreateRequestReader reader = new CreateRequestReader(MAX);

    @Property
    void anyBytesAsJsonAreARequestOrAClientError(@ForAll @Size(max = MAX + 8) byte[] body) {
        requestOrClientError(() -> read(JSON, body));
    }

    @Property
    void anyBytesAsAFormAreARequestOrAClientError(@ForAll @Size(max = MAX + 8) byte[] body) {
        requestOrClientError(() -> read(FORM, body));
    }

    @Property
    void aValidBodyWithOneByteChangedIsARequestOrAClientError(@ForAll("mutatedJson") byte[] body) {
        requestOrClientError(() -> {
            CreateRequest request = read(JSON, body);
            String bodyText = new String(body, StandardCharsets.ISO_8859_1);
            String valueBytes = new String(request.value().json().getBytes(UTF_8), StandardCharsets.ISO_8859_1);
            assertTrue(bodyText.contains(valueBytes), "the value is stored as the very bytes sent");
            return request;
        });
    }

    // This and anyDeclaredLength...: 300 tries, since they are the slowest here and keep the unit suite quick.
    @Property(tries = 300)
    void aFormWithAnyFieldsAndPercentEscapesIsARequestOrAClientError(@ForAll("forms") String body,
                                                                    @ForAll("formCharsets") String contentType) {
        requestOrClientError(() -> read(contentType, body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Property
    void anyFormBytesInAnyCharsetAreARequestOrAClientError(@ForAll @Size(max = 64) byte[] body,
                                                          @ForAll("charsets") Charset charset) {
        requestOrClientError(() -> FormRequestReader.parse(body, charset));
    }

    @Property
    void anyContentTypeIsReadOrRefused(@ForAll String contentType) {
        requestOrClientError(() -> read(contentType, VALID.getBytes(UTF_8)));
    }

    @Property(tries = 300)
    void anyDeclaredLengthIsReadOrRefused(@ForAll long declaredLength, @ForAll @Size(max = MAX + 8) byte[] body) {
        requestOrClientError(() -> reader.read(JSON, declaredLength, new ByteArrayInputStream(body)));
    }

    /** The one valid body in the encodings a client might pick: read in UTF-8, refused with 415 in UTF-16/32. */
    @Property
    void aValidBodyIsReadInUtf8AndRefusedInUtf16Or32(@ForAll("unicodeEncodings") String encoding,
                                                     @ForAll boolean byteOrderMark, @ForAll boolean charsetParameter) {
        byte[] body = ((byteOrderMark ? "\uFEFF" : "") + VALID).getBytes(Charset.forName(encoding));
        String contentType = charsetParameter ? JSON + "; charset=" + encoding : JSON;
        if (encoding.equals("UTF-8")) {
            assertEquals("{\"a\":[1,\"\u00e9\",null]}", read(contentType, body).value().json());
        } else {
            assertEquals(415, assertClientError(() -> read(contentType, body)));
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedJson() {
        byte[] valid = VALID.getBytes(UTF_8);
        return Combinators.combine(Arbitraries.integers().between(0, valid.length - 1),
                Arbitraries.bytes(), Arbitraries.of("replace", "insert", "cut")).as((at, b, how) -> {
                    byte[] body = switch (how) {
                        case "replace" -> valid.clone();
                        case "insert" -> new byte[valid.length + 1];
                        default -> java.util.Arrays.copyOf(valid, at);
                    };
                    if (how.equals("replace")) {
                        body[at] = b;
                    } else if (how.equals("insert")) {
                        System.arraycopy(valid, 0, body, 0, at);
                        body[at] = b;
                        System.arraycopy(valid, at, body, at + 1, valid.length - at);
                    }
                    return body;
                });
    }

    @Provide
    Arbitrary<String> forms() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(CreateRequestReader.FIELDS),
                Arbitraries.strings().withChars("abcx%+=").ofMaxLength(5));
        Arbitrary<String> value = Arbitraries.strings()
                .withChars("0123456789abcdefABCDEF%+=&-() \u00e9").ofMaxLength(12);
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(5)
                .map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> formCharsets() {
        return Arbitraries.of(FORM, FORM + "; charset=utf-8", FORM + "; charset=iso-8859-1", FORM + "; charset=utf-16",
                FORM + "; charset=x-nonesuch", FORM + "; charset=\"\u00e9\"", FORM + "; charset=");
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(List.copyOf(Charset.availableCharsets().values()));
    }

    @Provide
    Arbitrary<String> unicodeEncodings() {
        return Arbitraries.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");
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
