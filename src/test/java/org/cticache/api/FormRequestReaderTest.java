package org.cticache.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import org.cticache.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Form posts as VoiceXML browsers send them, read through the same entry point as JSON bodies. */
class FormRequestReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX = 16384;

    private final CreateRequestReader reader = new CreateRequestReader(MAX);

    private static InputStream stream(byte[] body) {
        return new ByteArrayInputStream(body);
    }

    private CreateRequest read(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return reader.read(FORM, bytes.length, stream(bytes));
    }

    private String rejected(String body) {
        return assertThrows(InvalidInputException.class, () -> read(body)).getMessage();
    }

    // --- what a namelist sends ------------------------------------------------------------------------------

    @Test
    void valueAndAniAreRead() {
        CreateRequest request = read("value=12345678&ani=1234567890");
        assertEquals("1234567890", request.ani());
        assertEquals("\"12345678\"", request.value().json(), "a form value is stored as a JSON string");
        assertNull(request.pool());
        assertNull(request.ttl());
    }

    @Test
    void fieldOrderDoesNotMatter() {
        CreateRequest request = read("ttl=30&pool=sales&ani=1234567890&value=x");
        assertEquals("sales", request.pool());
        assertEquals(30L, request.ttl());
        assertEquals("\"x\"", request.value().json());
    }

    @Test
    void plusAndPercentEscapesAreDecoded() {
        assertEquals("\"a b&c=d+e é ☎\"",
                read("ani=1&value=a+b%26c%3Dd%2Be%20%C3%A9%20%E2%98%8E").value().json());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`say \"hi\"`     | `\"say \\\"hi\\\"\"`",
        "`back\\slash`    | `\"back\\\\slash\"`",
        "`line\nbreak\t` | `\"line\\nbreak\\t\"`",
        "`{\"a\":1}`      | `\"{\\\"a\\\":1}\"`",
        "``               | `\"\"`",
    })
    void theValueBecomesAnEscapedJsonString(String value, String json) {
        assertEquals(json, read("ani=1&value=" + URLEncoder.encode(value, UTF_8)).value().json());
    }

    @Test
    void aControlCharacterIsEscapedInTheJsonString() {
        assertEquals("\"a\\u0001b\"", read("ani=1&value=a%01b").value().json());
    }

    @Test
    void anEmptyAniIsPassedOnAsAMissingOne() {
        assertNull(read("value=1&ani=").ani());
        assertNull(read("value=1&ani").ani(), "a field without '=' is empty");
        assertNull(read("value=1").ani());
    }

    @Test
    void aBlankOrWithheldAniIsLeftToTheNumberPlan() {
        assertEquals(" ", read("value=1&ani=+").ani());
        assertEquals("anonymous", read("value=1&ani=anonymous").ani());
    }

    @Test
    void anEmptyPoolOrTtlMeansTheDefault() {
        CreateRequest request = read("value=1&ani=1&pool=&ttl=");
        assertNull(request.pool());
        assertNull(request.ttl());
    }

    @Test
    void anEmptyValueIsAnEmptyString() {
        assertEquals("\"\"", read("value=&ani=1").value().json());
    }

    @Test
    void emptyPairsAreSkippedAsBrowsersDo() {
        CreateRequest request = read("&value=1&&ani=2&");
        assertEquals("2", request.ani());
        assertEquals("\"1\"", request.value().json());
    }

    // --- ttl ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"60, 60", "0, 0", "-5, -5", "0060, 60", "9223372036854775807, 9223372036854775807"})
    void ttlIsADecimalIntegerWhoseRangeIsLeftToTheTtlPolicy(String text, long seconds) {
        assertEquals(seconds, read("value=1&ani=1&ttl=" + text).ttl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "60.0", "1e2", "+60", "%2060", "60%20", "0x10", "%EF%BC%96"})
    void ttlThatIsNotADecimalIntegerIsRejected(String text) {
        assertTrue(rejected("value=1&ani=1&ttl=" + text).startsWith("field 'ttl' must be a whole number of seconds"));
    }

    @Test
    void ttlBeyondALongIsRejected() {
        assertEquals("field 'ttl' 99999999999999999999 is out of range",
                rejected("value=1&ani=1&ttl=99999999999999999999"));
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void unknownFieldIsRejectedAndNamed() {
        assertEquals("unknown field 'dnis'; the fields are [value, ani, pool, ttl]",
                rejected("value=1&ani=1&dnis=5551234500"));
    }

    @Test
    void fieldNamesAreCaseSensitiveAsInJson() {
        assertTrue(rejected("Value=1&ani=1").startsWith("unknown field 'Value'"));
    }

    @Test
    void longUnknownFieldNameIsNotEchoedWhole() {
        String message = rejected("f".repeat(10_000) + "=1&value=1");
        assertTrue(message.length() < 200, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=1&value=2&ani=1", "value=1&ani=1&ani=1", "value=1&ttl=1&ttl=", "value=1&pool&pool"})
    void aFieldGivenTwiceIsRejected(String body) {
        assertTrue(rejected(body).endsWith("is given twice"), body);
    }

    @Test
    void missingValueIsRejected() {
        assertTrue(rejected("ani=1234567890").startsWith("field 'value' is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&", "&&&"})
    void emptyBodyIsRejected(String body) {
        assertTrue(rejected(body).startsWith("the body is empty; expected form fields"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=%", "value=%4", "value=%G1", "value=%%41", "va%lue=1"})
    void badPercentEscapeIsRejected(String body) {
        assertTrue(rejected(body).contains("is not valid form encoding"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"value=%C3%28", "value=%FF", "value=%ED%A0%80", "value=%C0%AF"})
    void invalidUtf8IsRejected(String body) {
        assertEquals("field 'value' is not valid UTF-8 text", rejected(body));
    }

    @Test
    void rawInvalidUtf8IsRejected() {
        byte[] body = {'v', 'a', 'l', 'u', 'e', '=', (byte) 0xC3, '('};
        assertThrows(InvalidInputException.class, () -> reader.read(FORM, body.length, stream(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"value\":\"1\",\"ani\":\"1234567890\"}", "  \r\n{}", "[1]"})
    void aJsonBodySentAsAFormIsUnsupportedSayingSo(String body) {
        NotSupportedException e = assertThrows(NotSupportedException.class, () -> read(body));
        assertEquals(415, e.getResponse().getStatus());
        assertTrue(e.getMessage().contains("send it as application/json"), e.getMessage());
    }

    // --- Content-Type and charset ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {FORM, FORM + "; charset=utf-8", FORM + ";charset=UTF-8",
            "Application/X-WWW-Form-URLEncoded"})
    void theFormTypeIsAcceptedWithOrWithoutCharset(String contentType) {
        byte[] body = "value=%C3%A9&ani=1".getBytes(UTF_8);
        assertEquals("\"é\"", reader.read(contentType, body.length, stream(body)).value().json());
    }

    @Test
    void anotherCharsetIsDecodedInIt() {
        byte[] body = "value=caf%E9+\u00e9&ani=1".getBytes(ISO_8859_1);
        assertEquals("\"café é\"",
                reader.read(FORM + "; charset=ISO-8859-1", body.length, stream(body)).value().json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-nosuch", "not a charset"})
    void anUnknownCharsetIsUnsupportedBeforeTheBodyIsRead(String charset) {
        ByteArrayInputStream body = new ByteArrayInputStream("value=1".getBytes(UTF_8));
        NotSupportedException e = assertThrows(NotSupportedException.class,
                () -> reader.read(FORM + "; charset=\"" + charset + "\"", 7, body));
        assertEquals(415, e.getResponse().getStatus());
        assertTrue(e.getMessage().contains("charset"), e.getMessage());
        assertEquals(7, body.available(), "the body was read");
    }

    @Test
    void multipartFormsStayUnsupported() {
        assertThrows(NotSupportedException.class,
                () -> reader.read("multipart/form-data; boundary=x", 7, stream("value=1".getBytes(UTF_8))));
    }

    // --- size -----------------------------------------------------------------------------------------------

    @Test
    void aFormOfExactlyTheMaximumIsAccepted() {
        String prefix = "ani=1&value=";
        String body = prefix + "x".repeat(MAX - prefix.length());
        int stored = MAX - prefix.length() + 2;
        assertEquals(stored, read(body).value().json().length());
        assertEquals(stored, reader.read(FORM, -1, stream(body.getBytes(UTF_8))).value().json().length());
    }

    @Test
    void aFormOverTheMaximumIs413WhateverItsDeclaredLength() {
        byte[] body = ("ani=1&value=" + "x".repeat(MAX)).getBytes(UTF_8);
        for (long declared : new long[] {body.length, -1, 10}) {
            ClientErrorException e = assertThrows(ClientErrorException.class,
                    () -> reader.read(FORM, declared, stream(body)));
            assertEquals(413, e.getResponse().getStatus());
        }
    }
}
