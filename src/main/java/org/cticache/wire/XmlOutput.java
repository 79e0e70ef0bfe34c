package org.cticache.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes cticache's XML answers with the JDK's own StAX implementation, so no XML library travels in the WAR and
 * none found on the container's class path is picked up instead.
 */
public final class XmlOutput {

    /** The built-in factory; configured once, it is safe to share between threads. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private static final int REPLACEMENT = 0xFFFD;

    private XmlOutput() {
    }

    /** What goes between the XML declaration and the end of the document. */
    @FunctionalInterface
    public interface Content {
        void writeTo(XMLStreamWriter xml) throws XMLStreamException, IOException;
    }

    /**
     * A whole UTF-8 document, built in memory first: an answer that fails half-way is then still an error answer,
     * not a truncated document.
     */
    public static byte[] document(Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            content.writeTo(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory fails only on a misuse of the writer", e);
        }
        return bytes.toByteArray();
    }

    /** {@code <name>text</name>}, the text made fit for XML by {@link #text}. */
    public static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text(text));
        xml.writeEndElement();
    }

    /**
     * The text with every character that XML 1.0 cannot carry at all, not even as a character reference (most
     * control characters, unpaired surrogates, U+FFFE and U+FFFF, all legal in a JSON string), replaced by
     * U+FFFD, the Unicode replacement character.
     */
    public static String text(String text) {
        if (text.codePoints().allMatch(XmlOutput::allowed)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(allowed(c) ? c : REPLACEMENT));
        return clean.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
