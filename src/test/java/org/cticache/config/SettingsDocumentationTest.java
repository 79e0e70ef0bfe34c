package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps web.xml free of settings, which would silently shadow a container's parameters, and the defaults that
 * README.md's settings table documents for administrators identical to the ones the code applies.
 */
class SettingsDocumentationTest {

    // Surefire runs with the project directory as the working directory.
    private static final Path WEB_XML = Path.of("src", "main", "webapp", "WEB-INF", "web.xml");
    private static final Path README = Path.of("README.md");
    /** A row of the settings table: | `cticache.name` | meaning | default |, the meaning free of '|'. */
    private static final Pattern ROW = Pattern.compile("^\\| `(cticache\\.[^`]+)` \\|(.*)\\| ([^|]+) \\|$");
    private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");

    private static Document webXml;
    /** Each setting of README.md's table with its default column. */
    private static Map<String, String> readmeDefaults;

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

        readmeDefaults = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                assertNull(readmeDefaults.put(row.group(1), row.group(3).strip()), row.group(1) + " is listed twice");
            }
        }
        assertFalse(readmeDefaults.isEmpty(), "README.md has no settings table");
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagNameNS("*", child);
        assertEquals(1, nodes.getLength(), "<" + child + "> in <" + parent.getLocalName() + ">");
        return nodes.item(0).getTextContent().strip();
    }

    @Test
    void webXmlDeclaresNoSettingThatCouldShadowTheContainers() {
        // Tomcat lets a web.xml context-param win over a <Parameter> without override="false", and Jetty over a
        // context XML's setInitParameter: without a word. So the defaults live in the code, not here.
        NodeList params = webXml.getDocumentElement().getElementsByTagNameNS("*", "context-param");
        for (int i = 0; i < params.getLength(); i++) {
            String name = text((Element) params.item(i), "param-name");
            assertFalse(name.startsWith(Settings.PREFIX), "web.xml declares the setting " + name);
        }
    }

    @Test
    void everyDefaultTheCodeAppliesIsTheReadmesDefault() {
        CtiCacheConfig.DEFAULTS.forEach((name, value) -> {
            assertTrue(readmeDefaults.containsKey(name), name + " is missing from README.md's settings table");
            assertEquals("`" + value + "`", readmeDefaults.get(name), "default of " + name + " in README.md");
        });
    }

    @Test
    void everySettingTheCodeReadsIsInTheReadme() {
        for (String name : CtiCacheConfig.NAMES) {
            assertTrue(readmeDefaults.containsKey(name), name + " is missing from README.md's settings table");
        }
    }

    @Test
    void theReadmeDocumentsNoDefaultTheCodeDoesNotApply() {
        readmeDefaults.forEach((name, documented) -> {
            Matcher literal = LITERAL.matcher(documented);
            // A default that is a value of its own, not "none", "= max-total" or another setting's name.
            if (literal.matches() && !literal.group(1).startsWith(Settings.PREFIX)) {
                assertEquals(literal.group(1), CtiCacheConfig.DEFAULTS.get(name), "default of " + name);
            }
        });
    }

    @Test
    void theDefaultPoolHasNoDefault() {
        // The contract: no pool configured means the deployment fails with a clear message.
        assertFalse(CtiCacheConfig.DEFAULTS.containsKey(CtiCacheConfig.DNIS_POOL));
        assertTrue(readmeDefaults.get(CtiCacheConfig.DNIS_POOL).startsWith("none"));
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
