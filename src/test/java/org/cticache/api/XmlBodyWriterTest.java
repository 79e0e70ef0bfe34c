package org.cticache.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cticache.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The XML shape of the successful answers, and how a stored JSON value maps into it. */
class XmlBodyWriterTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final XmlBodyWriter writer = new XmlBodyWriter();
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    private String write(Object entity, MediaType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeTo(entity, entity.getClass(), entity.getClass(), new Annotation[0], type, headers, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String xml = out.toString(UTF_8);
        assertTrue(xml.startsWith(DECLARATION), xml);
        parse(xml);
        return xml.substring(DECLARATION.length());
    }

    /** The {@code <value>} element of a peek or take of this stored JSON. */
    private String value(String json) {
        String entry = write(new EntryValue(json), MediaType.APPLICATION_XML_TYPE);
        assertTrue(entry.startsWith("<entry>") && entry.endsWith("</entry>"), entry);
        return entry.substring("<entry>".length(), entry.length() - "</entry>".length());
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    // --- the answers ----------------------------------------------------------------------------------------

    @Test
    void aCreateIsAnEntryWithEveryField() {
        assertEquals("<entry><dnis>5551234500</dnis><ani>1234567890</ani><value>12345678</value><pool>default</pool>"
                        + "<ttl>60</ttl></entry>",
                write(new CreatedEntry("5551234500", "1234567890", "\"12345678\"", "default", 60),
                        MediaType.APPLICATION_XML_TYPE));
    }

    @Test
    void aPeekOrTakeIsAnEntryWithTheValue() {
        assertEquals("<entry><value>12345678</value></entry>",
                write(new EntryValue("\"12345678\""), MediaType.TEXT_XML_TYPE));
    }

    @Test
    void healthIsItsStatus() {
        assertEquals("<health><status>UP</status></health>", write(HealthStatus.UP, MediaType.APPLICATION_XML_TYPE));
        assertEquals("<health><status>DOWN</status></health>", write(HealthStatus.DOWN, MediaType.TEXT_XML_TYPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    void theContentTypeNamesUtf8(String type) {
        write(HealthStatus.UP, MediaType.valueOf(type));
        assertEquals(MediaType.valueOf(type + ";charset=UTF-8"), headers.getFirst(HttpHeaders.CONTENT_TYPE));
    }

    @Test
    void onlyTheAnswersOfTheApiAreWritten() {
        for (Class<?> type : new Class<?>[] {CreatedEntry.class, EntryValue.class, HealthStatus.class}) {
            assertTrue(writer.isWriteable(type, type, new Annotation[0], MediaType.APPLICATION_XML_TYPE),
                    type.getName());
        }
        for (Class<?> type : new Class<?>[] {String.class, Object.class, Problem.class}) {
            assertFalse(writer.isWriteable(type, type, new Annotation[0], MediaType.APPLICATION_XML_TYPE),
                    type.getName());
        }
    }

    // --- JSON values as XML ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"12345678\"`                | <value>12345678</value>",
        "`\"a<b & c>d\"`               | <value>a&lt;b &amp; c&gt;d</value>",
        "`\"Grüße ☎ 東京\"`             | <value>Grüße ☎ 東京</value>",
        "`\"\"`                        | <value></value>",
        "42                            | <value>42</value>",
        "-0.5                          | <value>-0.5</value>",
        "1.10                          | <value>1.10</value>",
        "1e2                           | <value>1e2</value>",
        "123456789012345678901234567890 | <value>123456789012345678901234567890</value>",
        "true                          | <value>true</value>",
        "false                         | <value>false</value>",
        "null                          | <value nil=\"true\"/>",
        "{}                            | <value></value>",
        "[]                            | <value></value>",
    })
    void aScalarBecomesTheElementsText(String json, String xml) {
        assertEquals(xml, value(json));
    }

    @Test
    void anObjectBecomesOneChildElementPerMemberInOrder() {
        assertEquals("<value><account>4711</account><verified>true</verified><note nil=\"true\"/>"
                        + "<customer><name>Ann</name><tier>gold</tier></customer></value>",
                value("{\"account\":\"4711\",\"verified\":true,\"note\":null,"
                        + "\"customer\":{\"name\":\"Ann\",\"tier\":\"gold\"}}"));
    }

    @Test
    void anArrayBecomesRepeatedItems() {
        assertEquals("<value><item>1</item><item>two</item><item nil=\"true\"/><item><item>3</item></item>"
                        + "<item><a>b</a></item></value>",
                value("[1,\"two\",null,[3],{\"a\":\"b\"}]"));
    }

    @Test
    void whitespaceInTheStoredJsonDoesNotShowInTheXml() {
        assertEquals("<value><a><item>1</item><item>2</item></a></value>", value("{ \"a\" : [ 1 ,\n 2 ] }"));
    }

    @Test
    void aMemberThatCannotBeAnElementNameBecomesANamedItem() {
        assertEquals("<value><item name=\"1st\">1</item><item name=\"a b\">2</item><item name=\"\">3</item>"
                        + "<item name=\"x:y\">4</item><item name=\"xmlns\">5</item><item name=\"XmlData\">6</item>"
                        + "<item name=\"say &quot;hi&quot; &lt;&amp;&gt;\">7</item><item name=\"-a\">8</item></value>",
                value("{\"1st\":1,\"a b\":2,\"\":3,\"x:y\":4,\"xmlns\":5,\"XmlData\":6,"
                        + "\"say \\\"hi\\\" <&>\":7,\"-a\":8}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_a", "a-b.c_1", "café", "名前", "A·B", "nil", "x\u0301"})
    void aValidXmlNameIsKept(String name) {
        assertTrue(JsonValueXml.isName(name), name);
        assertEquals("<value><" + name + ">1</" + name + "></value>", value("{\"" + name + "\":1}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", "-a", ".a", "a b", "a:b", "xml", "XMLfoo", "a/b", "a<b", "a\tb", "·a"})
    void anInvalidXmlNameIsNotUsedAsAnElementName(String name) {
        assertFalse(JsonValueXml.isName(name), name);
    }

    @Test
    void aMemberNamedItemIsANamedItemSoThatAnItemWithoutANameIsAlwaysAnArrayElement() {
        assertEquals("<value><item name=\"item\">1</item></value>", value("{\"item\":1}"));
        assertEquals("<value><item>1</item></value>", value("[1]"));
    }

    @Test
    void charactersXmlCannotCarryBecomeTheReplacementCharacter() {
        assertEquals("<value>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng</value>",
                value("\"a\\u0000b\\u0001c\\ud800d\\uFFFEe\\tf\\ng\""));
        assertEquals("<value><item name=\"a\uFFFDb\">1</item></value>", value("{\"a\\u0002b\":1}"));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsKept() {
        assertEquals("<value>\uD83D\uDCDE</value>", value("\"\\ud83d\\udcde\""));
    }

    @Test
    void aDeeplyNestedValueIsWrittenWithoutRecursion() {
        int depth = 900;
        String xml = value("[".repeat(depth) + "]".repeat(depth));
        Element element = parse("<r>" + xml + "</r>").getDocumentElement();
        int levels = 0;
        for (Element e = element; e.getFirstChild() instanceof Element child; e = child) {
            levels++;
        }
        assertEquals(depth, levels);
    }
}
