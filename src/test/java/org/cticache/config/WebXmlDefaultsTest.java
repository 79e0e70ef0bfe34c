package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Keeps the defaults that web.xml documents for administrators identical to the ones the code applies. */
class WebXmlDefaultsTest {

    // Surefire runs with the project directory as the working directory.
    private static final Path WEB_XML = Path.of("src", "main", "webapp", "WEB-INF", "web.xml");

    private static Document webXml;
    private static Map<String, String> contextParameters;

    @BeforeAll
    static void parse() throws Exception {
        assertTrue(Files.isRegularFile(WEB_XML), "no " + WEB_XML.toAbsolutePath());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Parse the file alone: no DTD or schema is fetched, so the test needs no network.
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        webXml = factory.newDocumentBuilder().parse(WEB_XML.toFile());

        contextParameters = new HashMap<>();
        NodeList params = webXml.getDocumentElement().getElementsByTagNameNS("*", "context-param");
        for (int i = 0; i < params.getLength(); i++) {
            Element param = (Element) params.item(i);
            String name = text(param, "param-name");
            assertNull(contextParameters.put(name, text(param, "param-value")), name + " is declared twice");
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagNameNS("*", child);
        assertEquals(1, nodes.getLength(), "<" + child + "> in <" + parent.getLocalName() + ">");
        return nodes.item(0).getTextContent().strip();
    }

    @Test
    void everyDocumentedDefaultIsTheCodesDefault() {
        assertFalse(contextParameters.isEmpty(), "web.xml declares no context-param");
        contextParameters.forEach((name, value) -> {
            if (CtiCacheConfig.DEFAULTS.containsKey(name)) {
                assertEquals(CtiCacheConfig.DEFAULTS.get(name), value, "default of " + name + " in web.xml");
            }
        });
    }

    @Test
    void everyDefaultIsDocumentedInWebXml() {
        for (String name : CtiCacheConfig.DEFAULTS.keySet()) {
            assertTrue(contextParameters.containsKey(name), name + " is missing from web.xml");
        }
    }

    @Test
    void webXmlDeclaresOnlyKnownSettings() {
        // A misspelt context-param would be silently ignored (only logged at start-up).
        for (String name : contextParameters.keySet()) {
            assertTrue(CtiCacheConfig.NAMES.contains(name) || name.startsWith(CtiCacheConfig.DNIS_POOL + "."),
                    name + " in web.xml is not a known setting");
        }
    }

    @Test
    void webXmlDoesNotShipADefaultPool() {
        // The contract: no pool configured means the deployment fails with a clear message.
        assertFalse(contextParameters.containsKey(CtiCacheConfig.DNIS_POOL));
    }

    @Test
    void loginIsBasicInTheCticacheRealm() {
        NodeList configs = webXml.getDocumentElement().getElementsByTagNameNS("*", "login-config");
        assertEquals(1, configs.getLength(), "<login-config>");
        Element loginConfig = (Element) configs.item(0);
        assertEquals("BASIC", text(loginConfig, "auth-method"));
        assertEquals("cticache", text(loginConfig, "realm-name"));
    }
}
