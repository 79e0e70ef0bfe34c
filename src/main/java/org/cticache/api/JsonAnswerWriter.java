package org.cticache.api;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.cticache.wire.Json;

/**
 * Writes the success answers as JSON straight through a generator: the generic Jackson provider would look up the
 * writer configuration, the record's serializer and its annotations on every call for three fixed shapes.
 */
@Produces(MediaType.APPLICATION_JSON)
final class JsonAnswerWriter implements MessageBodyWriter<JsonAnswer> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonAnswer.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonAnswer answer, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        // Not closing the container's stream: Jersey commits and closes it after the writers ran.
        try (JsonGenerator generator = Json.factory().createGenerator(entityStream)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.writeStartObject();
            answer.writeFields(generator);
            generator.writeEndObject();
        }
    }
}
