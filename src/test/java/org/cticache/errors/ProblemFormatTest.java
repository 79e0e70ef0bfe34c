package org.cticache.errors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Which format an error answer takes for an Accept header, and the XML form of a problem. */
class ProblemFormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                                | JSON",
        "*/*                                               | JSON",
        "application/json                                  | JSON",
        "application/problem+json                          | JSON",
        "application/*                                     | JSON",
        "`application/json, application/xml`               | JSON",
        "`*/*, application/xml;q=0.9`                      | JSON",
        "text/html                                         | JSON",
        "`application/xml;q=0, */*`                        | JSON",
        "application/xml                                   | XML",
        "application/problem+xml                           | XML",
        "`application/xml, application/json`               | XML",
        "`application/xml, */*`                            | XML",
        "`*/*;q=0.8, application/xml`                      | XML",
        "`application/xml;q=0.9, application/json;q=0.5`   | XML",
        "`application/json;q=0.1, application/problem+xml` | XML",
        "text/xml                                          | TEXT_XML",
        "text/xml;charset=utf-8                            | TEXT_XML",
        "TEXT/XML                                          | TEXT_XML",
        "text/*                                            | TEXT_XML",
        "`text/xml, */*`                                   | TEXT_XML",
        "`*/*, text/xml`                                   | TEXT_XML",
        "`text/xml, application/xml`                       | TEXT_XML",
        "`application/json;q=0.5, text/xml`                | TEXT_XML",
        "`text/html, text/xml;q=0.9`                       | TEXT_XML",
    })
    void theAcceptHeaderPicksTheFormat(String accept, ProblemFormat format) {
        assertEquals(format, ProblemFormat.preferredBy(accept.isEmpty() ? List.of() : List.of(accept)));
    }

    @Test
    void severalAcceptHeadersCountAsOneList() {
        assertEquals(ProblemFormat.XML,
                ProblemFormat.preferredBy(List.of("application/json;q=0.5", "application/xml")));
    }

    @Test
    void noAcceptHeaderIsJson() {
        assertEquals(ProblemFormat.JSON, ProblemFormat.preferredBy(null));
    }

    @Test
    void anUnparseableRangeIsIgnored() {
        assertEquals(ProblemFormat.XML, ProblemFormat.preferredBy(List.of("a/b/c, application/xml")));
        assertEquals(ProblemFormat.JSON, ProblemFormat.preferredBy(List.of("application/xml;q=abc")));
    }

    @Test
    void theContentTypesAreTheRfcsAndTextXml() {
        assertEquals("application/problem+json", ProblemFormat.JSON.contentType());
        assertEquals("application/problem+xml;charset=UTF-8", ProblemFormat.XML.contentType());
        assertEquals("text/xml;charset=UTF-8", ProblemFormat.TEXT_XML.contentType());
    }

    // --- the XML form ---------------------------------------------------------------------------------------

    @Test
    void aProblemInXmlIsRfc9457sForm() throws IOException {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><problem xmlns=\"urn:ietf:rfc:7807\">"
                        + "<type>about:blank</type><title>Not Found</title><status>404</status>"
                        + "<detail>no resource at /cticache/nosuch</detail></problem>",
                new String(Problem.of(404, "no resource at /cticache/nosuch").toXml(), UTF_8));
    }

    @Test
    void aProblemInXmlIsReadInItsNamespace() throws IOException {
        Element problem = parse(Problem.of(400, "unknown field '<x & \"y\">'; the fields are [value]").toXml());

        assertEquals(Problem.XML_NAMESPACE, problem.getNamespaceURI());
        assertEquals("problem", problem.getLocalName());
        assertEquals("Bad Request", text(problem, "title"));
        assertEquals("400", text(problem, "status"));
        assertEquals("unknown field '<x & \"y\">'; the fields are [value]", text(problem, "detail"));
    }

    @Test
    void clientTextThatXmlCannotCarryIsReplacedInTheDetail() throws IOException {
        Element problem = parse(Problem.of(415, "Content-Type 'a\u0000b\u001bc' is malformed").toXml());

        assertEquals("Content-Type 'a\uFFFDb\uFFFDc' is malformed", text(problem, "detail"));
    }

    @Test
    void theJsonFormIsUnchanged() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no entry\"}",
                new String(Problem.of(404, "no entry").toJson(), UTF_8));
    }

    @Test
    void anErrorToARequestWithABodyClosesTheConnection() {
        assertTrue(Problem.hasBody(1, null));
        assertTrue(Problem.hasBody(-1, "chunked"));
        assertFalse(Problem.hasBody(0, null));
        assertFalse(Problem.hasBody(-1, null));
    }

    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + Arrays.toString(xml), e);
        }
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(Problem.XML_NAMESPACE, name).item(0).getTextContent();
    }
}
