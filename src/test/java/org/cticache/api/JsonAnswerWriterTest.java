package org.cticache.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonAnswerWriterTest {

    private final ObjectMapperResolver mapper = new ObjectMapperResolver();
    private final JsonAnswerWriter writer = new JsonAnswerWriter();

    @ParameterizedTest
    @ValueSource(strings = {"\"a string with \\\"quotes\\\" and \\u00e9\"", "{\"account\":\"12345678\",\"tier\":[1,2]}",
            "42", "true", "null"})
    void writesTheBytesTheGenericJacksonProviderWould(String value) throws IOException {
        for (JsonAnswer answer : new JsonAnswer[] {
                new CreatedEntry("5551234500", "+15551234567", value, "sales \"east\"", 60),
                new EntryValue(value)}) {
            assertEquals(mapper.getContext(answer.getClass()).writeValueAsString(answer), streamed(answer));
        }
    }

    @Test
    void writesTheValueAsStoredInsideTheAnswer() throws IOException {
        assertEquals("{\"dnis\":\"5551234500\",\"ani\":\"5551234567\",\"value\":{\"a\":1},\"pool\":\"default\",\"ttl\":60}",
                streamed(new CreatedEntry("5551234500", "5551234567", "{\"a\":1}", "default", 60)));
        assertEquals("{\"status\":\"UP\"}", streamed(HealthStatus.UP));
    }

    private String streamed(JsonAnswer answer) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.writeTo(answer, answer.getClass(), answer.getClass(), null, null, null, body);
        return body.toString(StandardCharsets.UTF_8);
    }
}
