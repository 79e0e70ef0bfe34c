package org.cticache.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cticache.wire.XmlOutput;

/**
 * Writes the successful answers as XML for clients whose Accept prefers it, such as VoiceXML browsers that read
 * them with {@code <data>}: {@code <entry>} with {@code dnis}, {@code ani}, {@code value}, {@code pool} and
 * {@code ttl} for a create, {@code <entry><value/></entry>} for a peek or take, {@code <health><status/></health>};
 * the value as {@link JsonValueXml} maps it.
 */
@Produces({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
final class XmlBodyWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == CreatedEntry.class || type == EntryValue.class || type == HealthStatus.class;
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        byte[] body = XmlOutput.document(xml -> write(entity, xml));
        // Old text/xml clients assume US-ASCII without a charset (RFC 3023); say what the declaration says.
        httpHeaders.putSingle(HttpHeaders.CONTENT_TYPE, mediaType.withCharset(StandardCharsets.UTF_8.name()));
        entityStream.write(body);
    }

    private static void write(Object entity, XMLStreamWriter xml) throws IOException, XMLStreamException {
        if (entity instanceof CreatedEntry created) {
            xml.writeStartElement("entry");
            XmlOutput.element(xml, "dnis", created.dnis());
            XmlOutput.element(xml, "ani", created.ani());
            JsonValueXml.write(xml, "value", created.value());
            XmlOutput.element(xml, "pool", created.pool());
            XmlOutput.element(xml, "ttl", Integer.toString(created.ttl()));
        } else if (entity instanceof EntryValue entry) {
            xml.writeStartElement("entry");
            JsonValueXml.write(xml, "value", entry.value());
        } else {
            xml.writeStartElement("health");
            XmlOutput.element(xml, "status", ((HealthStatus) entity).status());
        }
        xml.writeEndElement();
    }
}
