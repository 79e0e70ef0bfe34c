package org.cticache.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.HexFormat;
import org.cticache.core.CallData;
import org.cticache.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateRequestReaderTest {

    private static final String JSON = "application/json";
    private static final int MAX = 16384;

    private final CreateRequestReader reader = new CreateRequestReader(MAX);

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(UTF_8));
    }

    /** Reads a body the way a client with Content-Length sends it. */
    private CreateRequest read(String body) {
        return reader.read(JSON, body.getBytes(UTF_8).length, stream(body));
    }

    private String rejected(String body) {
        return assertThrows(InvalidInputException.class, () -> read(body)).getMessage();
    }

    private static String withValue(String valueJson) {
        return "{\"value\":" + valueJson + ",\"ani\":\"1234567890\"}";
    }

    // --- the happy path -------------------------------------------------------------------------------------

    @Test
    void minimalBodyGivesAniAndValueWithoutPoolOrTtl() {
        CreateRequest request = read("{\"value\": \"12345678\", \"ani\": \"1234567890\"}");
        assertEquals("1234567890", request.ani());
        assertEquals(new CallData("\"12345678\""), request.value());
        assertNull(request.pool());
        assertNull(request.ttl());
    }

    @Test
    void poolAndTtlAreRead() {
        CreateRequest request = read("{\"ttl\": 120, \"pool\": \"sales\", \"ani\": \"1234567890\", \"value\": 1}");
        assertEquals("sales", request.pool());
        assertEquals(120L, request.ttl());
    }

    @Test
    void aniIsPassedOnAsSentForTheNumberPlanToNormalize() {
        assertEquals("+1 (123) 456-7890", read("{\"value\":1,\"ani\":\"+1 (123) 456-7890\"}").ani());
    }

    @Test
    void bodyOfUnknownLengthIsRead() {
        CreateRequest request = reader.read(JSON, -1, stream(withValue("42")));
        assertEquals("42", request.value().json());
    }

    // --- the value, kept as exact JSON text -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"12345678\"                              | \"12345678\"",
            "\"\"                                      | \"\"",
            "\"line\\nbreak \\\"quoted\\\"\"           | \"line\\nbreak \\\"quoted\\\"\"",
            "42                                        | 42",
            "-7                                        | -7",
            "0                                         | 0",
            "1.10                                      | 1.10",
            "1.0                                       | 1.0",
            "0.1                                       | 0.1",
            "123456789012345678901234567890            | 123456789012345678901234567890",
            "-123456789012345678901234567890           | -123456789012345678901234567890",
            "3.141592653589793238462643383279502884197 | 3.141592653589793238462643383279502884197",
            "-1.5E-7                                   | -1.5E-7",
            "true                                      | true",
            "false                                     | false",
            "{\"a\":null}                              | {\"a\":null}",
            "{\"a\":null,\"b\":[1,2.50,{\"c\":true}]}  | {\"a\":null,\"b\":[1,2.50,{\"c\":true}]}",
            "{}                                        | {}",
            "[]                                        | []",
            "[1,\"two\",null,false,{\"x\":[]}]         | [1,\"two\",null,false,{\"x\":[]}]",
            "[123456789012345678901234567890,1.10]     | [123456789012345678901234567890,1.10]",
    })
    void valueIsKeptAsExactJson(String valueJson, String stored) {
        assertEquals(stored, read(withValue(valueJson)).value().json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2", "1E2", "1.0e2", "100e-2", "-2.5e+3", "12345678901234567890e-10"})
    void numberWithAnExponentKeepsItsExactValue(String number) {
        String stored = read(withValue(number)).value().json();
        assertEquals(0, new BigDecimal(number).compareTo(new BigDecimal(stored)), number + " stored as " + stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2", "1.0e2", "100e-2"})
    void numberWithAnExponentKeepsItsSpelling(String number) {
        assertEquals(number, read(withValue(number)).value().json());
    }

    @Test
    void theValueIsKeptByteForByteWhitespaceIncluded() {
        String value = "{ \"a\" : 1 ,\n \"b\" : [ true , null ] }";
        assertEquals(value, read(withValue(value)).value().json());
    }

    @Test
    void memberOrderOfAnObjectValueIsKept() {
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", read(withValue("{\"z\":1,\"a\":2,\"m\":3}")).value().json());
    }

    @Test
    void nonAsciiTextSurvives() {
        assertEquals("\"Grüße, 東京 ☎\"", read(withValue("\"Grüße, 東京 ☎\"")).value().json());
        assertEquals("\"\\u00e9\"", read(withValue("\"\\u00e9\"")).value().json(), "escapes are kept as sent");
    }

    @Test
    void missingValueIsRejected() {
        assertTrue(rejected("{\"ani\":\"1234567890\"}").startsWith("field 'value' is missing"));
    }

    @Test
    void nullValueIsRejected() {
        assertTrue(rejected(withValue("null")).startsWith("field 'value' is null"));
    }

    @Test
    void duplicateMemberInsideTheValueIsRejected() {
        String message = rejected(withValue("{\"a\":1,\"a\":2}"));
        assertTrue(message.startsWith("the body is not valid JSON"), message);
        assertTrue(message.contains("'a'"), message);
    }

    // --- ani, pool, ttl -------------------------------------------------------------------------------------

    @Test
    void missingAniIsPassedOnAsNullForTheNumberPlanToJudge() {
        assertNull(read("{\"value\":\"1\"}").ani());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567890   | a number",
            "null         | null",
            "true         | a boolean",
            "[\"1\"]      | an array",
            "{\"n\":\"1\"}| an object",
    })
    void aniThatIsNotAJsonStringIsRejected(String aniJson, String type) {
        assertEquals("field 'ani' must be a JSON string, not " + type,
                rejected("{\"value\":\"1\",\"ani\":" + aniJson + "}"));
    }


    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5        | a number",
            "true     | a boolean",
            "null     | null",
            "[\"a\"]  | an array",
            "{}       | an object",
    })
    void poolThatIsNotAJsonStringIsRejected(String poolJson, String type) {
        assertEquals("field 'pool' must be a JSON string, not " + type,
                rejected("{\"value\":1,\"ani\":\"1234567890\",\"pool\":" + poolJson + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"60\"  | a string",
            "60.5    | a number",
            "60.0    | a number",
            "1e2     | a number",
            "6E1     | a number",
            "true    | a boolean",
            "null    | null",
            "[60]    | an array",
    })
    void ttlThatIsNotAJsonIntegerIsRejected(String ttlJson, String type) {
        assertEquals("field 'ttl' must be a JSON integer (seconds), not " + type,
                rejected("{\"value\":1,\"ani\":\"1234567890\",\"ttl\":" + ttlJson + "}"));
    }

    @Test
    void ttlBeyondALongIsRejected() {
        String message = rejected("{\"value\":1,\"ani\":\"1234567890\",\"ttl\":99999999999999999999}");
        assertEquals("field 'ttl' 99999999999999999999 is out of range", message);
    }

    @Test
    void ttlRangeIsLeftToTheTtlPolicy() {
        assertEquals(0L, read("{\"value\":1,\"ani\":\"1234567890\",\"ttl\":0}").ttl());
        assertEquals(Long.MAX_VALUE, read("{\"value\":1,\"ani\":\"1234567890\",\"ttl\":" + Long.MAX_VALUE + "}").ttl());
    }

    // --- the shape of the body ------------------------------------------------------------------------------

    @Test
    void unknownFieldIsRejectedAndNamed() {
        assertEquals("unknown field 'vaule'; the fields are [value, ani, pool, ttl]",
                rejected("{\"vaule\":\"1\",\"ani\":\"1234567890\"}"));
    }

    @Test
    void longUnknownFieldNameIsNotEchoedWhole() {
        String name = "f".repeat(10_000);
        String message = rejected("{\"" + name + "\":1,\"value\":\"1\",\"ani\":\"1234567890\"}");
        assertTrue(message.startsWith("unknown field 'fff"), message);
        assertTrue(message.length() < 200, "message of " + message.length() + " characters");
    }

    @Test
    void unknownFieldIsRejectedEvenBesideAllValidFields() {
        String message = rejected("{\"value\":\"1\",\"ani\":\"1234567890\",\"ttl\":60,\"TTL\":60}");
        assertTrue(message.startsWith("unknown field 'TTL'"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"value\":\"1\",\"ani\":\"1234567890\",\"ani\":\"5550000000\"}",
            "{\"value\":\"1\",\"value\":\"2\",\"ani\":\"1234567890\"}",
            "{\"value\":\"1\",\"ani\":\"1234567890\",\"ttl\":60,\"ttl\":60}",
    })
    void duplicateFieldIsRejected(String body) {
        String message = rejected(body);
        assertTrue(message.startsWith("the body is not valid JSON"), message);
        assertTrue(message.contains("Duplicate field"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "value=12345678&ani=1234567890",
            "{\"value\":\"1\",\"ani\":\"1234567890\"",
            "{value:\"1\",ani:\"1234567890\"}",
            "{'value':'1','ani':'1234567890'}",
            "{\"value\":042,\"ani\":\"1234567890\"}",
            "{\"value\":NaN,\"ani\":\"1234567890\"}",
            "{\"value\":\"1\",\"ani\":\"1234567890\",}",
            "{\"value\":\"1\" \"ani\":\"1234567890\"}",
            "<value>1</value>",
    })
    void bodyThatIsNotJsonIsRejected(String body) {
        String message = rejected(body);
        assertTrue(message.startsWith("the body is not valid JSON: "), message);
    }

    @Test
    void notJsonMessageSaysWhere() {
        String message = rejected("{\"value\":\"1\",\n\"ani\":x}");
        assertTrue(message.contains("(line 2, column"), message);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', 'v', 'a', 'l', 'u', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', ',', '"', 'a', 'n',
                'i', '"', ':', '"', '1', '"', '}'};
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.read(JSON, body.length, new ByteArrayInputStream(body)));
        assertTrue(e.getMessage().startsWith("the body is not valid JSON"), e.getMessage());
    }

    @Test
    void deeplyNestedValueIsRejectedAsInvalidInput() {
        String nested = "[".repeat(2000) + "]".repeat(2000);
        String message = rejected(withValue(nested));
        assertTrue(message.startsWith("the body is not valid JSON"), message);
    }

    @Test
    void emptyBodyIsRejected() {
        assertTrue(rejected("").startsWith("the body is empty"));
        assertTrue(assertThrows(InvalidInputException.class, () -> reader.read(JSON, -1, stream("")))
                .getMessage().startsWith("the body is empty"));
    }

    @Test
    void whitespaceOnlyBodyIsRejected() {
        assertThrows(InvalidInputException.class, () -> read("  \r\n "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"value\":\"1\",\"ani\":\"1234567890\"}]", "[]", "\"12345678\"", "42", "null", "true"})
    void bodyThatIsNotAnObjectIsRejected(String body) {
        assertTrue(rejected(body).startsWith("the body must be a JSON object"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"value\":\"1\",\"ani\":\"1234567890\"} x",
            "{\"value\":\"1\",\"ani\":\"1234567890\"}{}",
            "{\"value\":\"1\",\"ani\":\"1234567890\"}]",
            "{\"value\":\"1\",\"ani\":\"1234567890\"} 42",
            "{\"value\":\"1\",\"ani\":\"1234567890\"}\"",
    })
    void trailingGarbageIsRejected(String body) {
        String message = rejected(body);
        assertTrue(message.startsWith("the body is not valid JSON"), message);
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertEquals("\"1\"", read("{\"value\":\"1\",\"ani\":\"1234567890\"}\r\n  ").value().json());
    }

    // --- Content-Type ---------------------------------------------------------------------------------------

    @Test
    void missingContentTypeIsUnsupported() {
        for (String missing : new String[] {null, "", "  "}) {
            NotSupportedException e = assertThrows(NotSupportedException.class,
                    () -> reader.read(missing, 40, stream(withValue("1"))));
            assertEquals(415, e.getResponse().getStatus());
            assertTrue(e.getMessage().startsWith("Content-Type is missing"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/problem+json", "application/octet-stream", "*/*",
            "application/*", "text/plain; charset=utf-8"})
    void otherContentTypesAreUnsupported(String contentType) {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> reader.read(contentType, 40, stream(withValue("1"))));
        assertEquals(415, e.getResponse().getStatus());
        assertTrue(e.getMessage().contains("application/json"), e.getMessage());
    }

    @Test
    void unsupportedContentTypeIsNamedInTheMessage() {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> reader.read("text/plain; charset=utf-8", 40, stream(withValue("1"))));
        assertEquals("Content-Type text/plain is not accepted; send the body as application/json", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application", "application/", "/json", "application/json; charset",
            "application/json; charset=\"utf-8", "a/b/c", "application json", "@/@"})
    void malformedContentTypeIsUnsupported(String contentType) {
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> reader.read(contentType, 40, stream(withValue("1"))));
        assertEquals(415, e.getResponse().getStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "application/json; charset=\"utf-8\"", "Application/JSON", "application/json ;  charset=utf-8"})
    void applicationJsonWithOrWithoutCharsetIsAccepted(String contentType) {
        String body = withValue("\"12345678\"");
        CreateRequest request = reader.read(contentType, body.length(), stream(body));
        assertEquals("\"12345678\"", request.value().json());
    }

    // --- encodings ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, byte-order mark {1}, Content-Type {2}")
    @CsvSource({
            "UTF-16BE, false, application/json", "UTF-16BE, true, application/json",
            "UTF-16LE, false, application/json", "UTF-16LE, true, application/json",
            "UTF-32BE, false, application/json", "UTF-32BE, true, application/json",
            "UTF-32LE, false, application/json", "UTF-32LE, true, application/json",
            "UTF-16BE, false, application/json; charset=utf-16be", "UTF-16LE, true, application/json; charset=utf-16",
            "UTF-32LE, false, application/json; charset=utf-32le", "UTF-32BE, true, application/json; charset=utf-32",
    })
    void jsonInUtf16OrUtf32Is415NamingTheEncoding(String encoding, boolean byteOrderMark, String contentType) {
        byte[] body = ((byteOrderMark ? "\uFEFF" : "") + withValue("{\"a\":\"\u00e9\"}"))
                .getBytes(Charset.forName(encoding));
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> reader.read(contentType, body.length, new ByteArrayInputStream(body)));
        assertEquals(415, e.getResponse().getStatus());
        assertEquals("the body is " + encoding + " text, judging by its first bytes; send JSON in UTF-8"
                + " (RFC 8259, section 8.1)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\u0000", "\u0000{", "\u0000", "\u0000\u0000\u0000\u0000", "\uFFFE", "\uFEFF"})
    void zeroBytesOrAUtf16ByteOrderMarkAtTheStartAre415(String start) {
        byte[] body = (start + withValue("1")).getBytes(start.charAt(0) > 0xFF ? UTF_16BE : ISO_8859_1);
        assertEquals(415, assertThrows(NotSupportedException.class,
                () -> reader.read(JSON, body.length, new ByteArrayInputStream(body))).getResponse().getStatus());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedAndTheValueKeptWithoutIt() {
        // RFC 8259, section 8.1: a parser MAY ignore it.
        assertEquals("{\"a\":\"\u00e9\"}", read("\uFEFF" + withValue("{\"a\":\"\u00e9\"}")).value().json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iso-8859-1", "utf-16", "x-nonesuch"})
    void aCharsetParameterChangesNothingSinceJsonIsUtf8(String charset) {
        // RFC 8259, section 11: application/json defines no charset parameter; the body is UTF-8 whatever it says.
        String body = withValue("\"\u00e9\"");
        assertEquals("\"\u00e9\"", reader.read(JSON + "; charset=" + charset, body.getBytes(UTF_8).length,
                stream(body)).value().json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "eda080", "f4908080", "c328", "ff"})
    void invalidUtf8InTheValueIsRejectedNotStoredAsReplacementCharacters(String hex) {
        byte[] start = "{\"value\":\"".getBytes(UTF_8);
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] end = "\",\"ani\":\"1234567890\"}".getBytes(UTF_8);
        ByteBuffer body = ByteBuffer.allocate(start.length + bad.length + end.length).put(start).put(bad).put(end);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.read(JSON, body.capacity(), new ByteArrayInputStream(body.array())));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aReplacementCharacterSentAsSuchIsKept() {
        assertEquals("\"\uFFFD\"", read(withValue("\"\uFFFD\"")).value().json());
    }

    @Test
    void latin1TextIsInvalidUtf8() {
        byte[] body = withValue("\"\u00e9\"").getBytes(ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.read(JSON + "; charset=iso-8859-1", body.length, new ByteArrayInputStream(body)));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void contentTypeIsCheckedBeforeTheBodyIsRead() {
        ByteArrayInputStream body = new ByteArrayInputStream(withValue("1").getBytes(UTF_8));
        assertThrows(NotSupportedException.class, () -> reader.read("text/plain", body.available(), body));
        assertEquals(withValue("1").length(), body.available(), "the body was read");
    }

    // --- size -----------------------------------------------------------------------------------------------

    private static final String START = "{\"value\":\"";
    private static final String END = "\",\"ani\":\"1234567890\"}";

    /** A valid body of exactly that many bytes, its value a string of x. */
    private static String bodyOfExactly(int bytes) {
        return START + "x".repeat(bytes - START.length() - END.length()) + END;
    }

    private static String valueOfBodyOfExactly(int bytes) {
        return "\"" + "x".repeat(bytes - START.length() - END.length()) + "\"";
    }

    @Test
    void bodyOfExactlyTheMaximumIsAccepted() {
        String body = bodyOfExactly(MAX);
        assertEquals(MAX, body.getBytes(UTF_8).length);
        assertEquals(valueOfBodyOfExactly(MAX), read(body).value().json());
        assertEquals(valueOfBodyOfExactly(MAX), reader.read(JSON, -1, stream(body)).value().json());
    }

    @Test
    void declaredLengthOverTheMaximumIs413WithoutReading() {
        ByteArrayInputStream body = new ByteArrayInputStream(withValue("1").getBytes(UTF_8));
        ClientErrorException e = assertThrows(ClientErrorException.class,
                () -> reader.read(JSON, MAX + 1, body));
        assertEquals(413, e.getResponse().getStatus());
        assertEquals("the body is larger than the configured maximum of " + MAX + " bytes", e.getMessage());
        assertEquals(withValue("1").length(), body.available(), "the body was read");
    }

    @Test
    void bodyOfUnknownLengthOverTheMaximumIs413() {
        ClientErrorException e = assertThrows(ClientErrorException.class,
                () -> reader.read(JSON, -1, stream(bodyOfExactly(MAX + 1))));
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void bodyLongerThanItsDeclaredLengthIs413() {
        ClientErrorException e = assertThrows(ClientErrorException.class,
                () -> reader.read(JSON, 100, stream(bodyOfExactly(MAX + 1))));
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void hugeStreamIsNotReadToItsEnd() {
        // An endless body: the reader must stop after the maximum plus one byte.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        ClientErrorException e = assertThrows(ClientErrorException.class, () -> reader.read(JSON, -1, endless));
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void maximumIsTheConfiguredOne() {
        CreateRequestReader small = new CreateRequestReader(64);
        String body = bodyOfExactly(65);
        ClientErrorException e = assertThrows(ClientErrorException.class,
                () -> small.read(JSON, -1, stream(body)));
        assertEquals(413, e.getResponse().getStatus());
        assertTrue(e.getMessage().contains("maximum of 64 bytes"), e.getMessage());
        assertEquals(valueOfBodyOfExactly(64), small.read(JSON, 64, stream(bodyOfExactly(64))).value().json());
    }
}
