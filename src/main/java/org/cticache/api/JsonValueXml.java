package org.cticache.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cticache.wire.Json;
import org.cticache.wire.XmlOutput;

/**
 * Writes a stored JSON value as XML that a VoiceXML {@code <data>} document reads with its DOM: a string, number or
 * boolean becomes the element's text (a number keeps its spelling), an object becomes one child element per
 * member, named by the member, an array becomes repeated {@code <item>} children, and null becomes an empty element
 * with {@code nil="true"}. A member whose name cannot be an XML element name (empty, starting with a digit or
 * "xml", holding a space or a colon, ...), or is {@code item} itself, becomes {@code <item name="the name">}, so an
 * {@code <item>} without a name is always an array element. Characters that XML cannot carry become U+FFFD. The
 * mapping is for reading: the JSON answer remains the exact one.
 */
final class JsonValueXml {

    static final String ITEM = "item";
    static final String NAME = "name";
    static final String NIL = "nil";

    private JsonValueXml() {
    }

    /** Writes {@code json} as the element {@code element}; iterative, so a deeply nested value needs no stack. */
    static void write(XMLStreamWriter xml, String element, String json) throws IOException, XMLStreamException {
        try (JsonParser parser = Json.factory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    continue; // the member's name is read with its value
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> start(xml, parser, element,
                            parser.getParsingContext().getParent(), false);
                    case END_OBJECT, END_ARRAY -> xml.writeEndElement();
                    case VALUE_NULL -> {
                        start(xml, parser, element, parser.getParsingContext(), true);
                        xml.writeAttribute(NIL, "true");
                    }
                    default -> {
                        start(xml, parser, element, parser.getParsingContext(), false);
                        xml.writeCharacters(XmlOutput.text(parser.getText()));
                        xml.writeEndElement();
                    }
                }
            }
        }
    }

    /** Starts the element of the current value, named by where the value sits in {@code container}. */
    private static void start(XMLStreamWriter xml, JsonParser parser, String element, JsonStreamContext container,
                              boolean empty) throws IOException, XMLStreamException {
        String member = container.inObject() ? parser.currentName() : null;
        String tag = container.inRoot() ? element : member != null && isName(member) ? member : ITEM;
        if (empty) {
            xml.writeEmptyElement(tag);
        } else {
            xml.writeStartElement(tag);
        }
        if (member != null && tag.equals(ITEM)) {
            xml.writeAttribute(NAME, XmlOutput.text(member));
        }
    }

    /**
     * Whether the member name can be an element name as it is: an XML 1.0 Name without a colon (which a namespace
     * aware DOM would read as a prefix) and not starting with "xml" (reserved by XML 1.0).
     */
    static boolean isName(String name) {
        if (name.isEmpty() || name.toLowerCase(Locale.ROOT).startsWith("xml")) {
            return false;
        }
        int first = name.codePointAt(0);
        return isNameStart(first) && name.codePoints().skip(1).allMatch(c -> isNameStart(c) || c == '-' || c == '.'
                || c >= '0' && c <= '9' || c == 0xB7 || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040);
    }

    private static boolean isNameStart(int c) {
        return c >= 'A' && c <= 'Z' || c == '_' || c >= 'a' && c <= 'z' || c >= 0xC0 && c <= 0xD6
                || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF || c >= 0x370 && c <= 0x37D
                || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D || c >= 0x2070 && c <= 0x218F
                || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF || c >= 0xF900 && c <= 0xFDCF
                || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
    }
}
