package org.cticache.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.cticache.core.Abbreviation;
import org.cticache.core.CallData;
import org.cticache.core.InvalidInputException;

/**
 * Reads an {@code application/x-www-form-urlencoded} POST body, as VoiceXML 2.1 {@code <data method="post">} and
 * {@code <submit>} send their namelist, into the same {@link CreateRequest} as a JSON body. A form has only text:
 * {@code value} is stored as a JSON string and {@code ttl} is a decimal integer. An empty {@code ani} is passed on
 * as a missing one (the number plan decides about withheld callers), and an empty {@code pool} or {@code ttl} means
 * the default, since a namelist always sends every variable it names.
 */
final class FormRequestReader {

    private static final String EXAMPLE = "value=12345678&ani=1234567890";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private FormRequestReader() {
    }

    /** The charset of the form's percent-encoded bytes: the Content-Type's, or UTF-8 as HTML and VoiceXML send. */
    static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new NotSupportedException("charset '" + Abbreviation.of(name) + "' of the form is not supported;"
                    + " send the form in UTF-8");
        }
    }

    static CreateRequest parse(byte[] body, Charset charset) {
        if (looksLikeJson(body)) {
            // RFC 9110 lets 415 come from inspecting the content: this is the body of `curl -d '{...}'`.
            throw new NotSupportedException("the body is JSON but its Content-Type is"
                    + " application/x-www-form-urlencoded (what curl -d sends unless told otherwise); send it as"
                    + " application/json");
        }
        Map<String, String> fields = fields(body, charset);
        if (fields.isEmpty()) {
            throw new InvalidInputException("the body is empty; expected form fields such as " + EXAMPLE);
        }
        String value = fields.get("value");
        if (value == null) {
            throw new InvalidInputException("field 'value' is missing; it holds the call data, text in a form");
        }
        return new CreateRequest(emptyToNull(fields.get("ani")), new CallData(jsonString(value)),
                emptyToNull(fields.get("pool")), ttl(emptyToNull(fields.get("ttl"))));
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The fields by name; empty pairs ({@code a=1&&b=2}, a trailing {@code &}) are skipped as browsers do. */
    private static Map<String, String> fields(byte[] body, Charset charset) {
        Map<String, String> fields = new HashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, equals, charset, null);
                if (!CreateRequestReader.FIELDS.contains(name)) {
                    throw new InvalidInputException("unknown field '" + Abbreviation.of(name) + "'; the fields are "
                            + CreateRequestReader.FIELDS);
                }
                String value = equals == end ? "" : decode(body, equals + 1, end, charset, name);
                if (fields.putIfAbsent(name, value) != null) {
                    throw new InvalidInputException("field '" + name + "' is given twice");
                }
            }
            start = end + 1;
        }
        return fields;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** Percent-decodes bytes {@code [from, to)} ({@code +} is a space), then decodes them strictly as text. */
    private static String decode(byte[] body, int from, int to, Charset charset, String field) {
        String what = field == null ? "a field name" : "field '" + field + "'";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(body[i + 2], 16);
                if (low < 0) {
                    throw new InvalidInputException(what + " is not valid form encoding: '%' must be followed by"
                            + " two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(what + " is not valid " + charset.name() + " text");
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String jsonString(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    private static Long ttl(String text) {
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new InvalidInputException("field 'ttl' must be a whole number of seconds, not '"
                    + Abbreviation.of(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("field 'ttl' " + Abbreviation.of(text) + " is out of range");
        }
    }
}
