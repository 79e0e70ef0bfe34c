package org.cticache.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps web.xml's security constraints, its open paths, the OpenAPI document's roles and the README's endpoint table
 * equal to {@link Roles}.
 */
class RolesTest {

    // Surefire runs with the project directory as the working directory.
    private static final Path WEB_XML = Path.of("src", "main", "webapp", "WEB-INF", "web.xml");
    private static final Path README = Path.of("README.md");
    private static final List<String> CONSTRAINED_BY_THE_CONTAINER = List.of("GET", "HEAD", "POST");
    private static final String ANY_USER = "**";
    // The members of an OpenAPI path item that are operations.
    private static final Set<String> OPERATIONS = Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH",
            "TRACE");

    private static Document webXml;
    private static List<Constraint> constraints;

    /** One web-resource-collection of a security-constraint; roles null when the constraint has no auth-constraint. */
    private record Constraint(Set<String> patterns, Set<String> methods, Set<String> omissions, Set<String> roles) {

        boolean covers(String pattern, String method) {
            return patterns.contains(pattern)
                    && (methods.isEmpty() ? !omissions.contains(method) : methods.contains(method));
        }
    }

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        webXml = factory.newDocumentBuilder().parse(WEB_XML.toFile());
        constraints = new ArrayList<>();
        for (Element constraint : elements(webXml.getDocumentElement(), "security-constraint")) {
            List<Element> auth = elements(constraint, "auth-constraint");
            Set<String> roles = auth.isEmpty() ? null : texts(auth.get(0), "role-name");
            for (Element collection : elements(constraint, "web-resource-collection")) {
                constraints.add(new Constraint(texts(collection, "url-pattern"), texts(collection, "http-method"),
                        texts(collection, "http-method-omission"), roles));
            }
        }
    }

    @Test
    void webXmlConstraintsNameExactlyTheRolesOfRoles() {
        Map<String, Set<String>> expected = new HashMap<>();
        for (String resource : Roles.protectedResources()) {
            for (String method : CONSTRAINED_BY_THE_CONTAINER) {
                List<String> roles = Roles.allowing(resource, method);
                if (!roles.isEmpty()) {
                    for (String pattern : patternsOf(resource)) {
                        expected.put(pattern + " " + method, Set.copyOf(roles));
                    }
                }
            }
        }
        Map<String, Set<String>> declared = new HashMap<>();
        for (Constraint constraint : constraints) {
            if (constraint.roles() != null && !constraint.roles().equals(Set.of(ANY_USER))) {
                assertFalse(constraint.methods().isEmpty(), "a role constraint names its methods: " + constraint);
                for (String pattern : constraint.patterns()) {
                    for (String method : constraint.methods()) {
                        declared.merge(pattern + " " + method, constraint.roles(), RolesTest::union);
                    }
                }
            }
        }
        assertEquals(expected, declared);
    }

    @Test
    void theContainerAsksForCredentialsOnEveryPathOfAProtectedResource() {
        // The container applies only the constraints of the best-matching pattern; a method none of them names
        // there would go through without credentials.
        for (String resource : Roles.protectedResources()) {
            for (String pattern : patternsOf(resource)) {
                for (String method : CONSTRAINED_BY_THE_CONTAINER) {
                    assertTrue(constraints.stream().anyMatch(constraint -> constraint.covers(pattern, method)
                                    && constraint.roles() != null && !constraint.roles().isEmpty()),
                            method + " " + pattern + " without a constraint asking for credentials");
                }
            }
        }
        for (String method : CONSTRAINED_BY_THE_CONTAINER) {
            assertTrue(constraints.stream().anyMatch(constraint -> constraint.covers("/*", method)
                    && Set.of(ANY_USER).equals(constraint.roles())), method + " /* needs credentials");
        }
    }

    @Test
    void onlyTheOpenResourcesAreOpen() {
        Set<String> open = Roles.openPatterns();
        assertEquals(Roles.openResources(), open.stream().map(Roles::resourceOf).collect(Collectors.toSet()));
        Set<String> openInWebXml = new HashSet<>();
        for (Constraint constraint : constraints) {
            if (constraint.roles() == null && constraint.omissions().isEmpty()) {
                assertTrue(constraint.methods().isEmpty(), "an open path is open to every method: " + constraint);
                openInWebXml.addAll(constraint.patterns());
            } else if (constraint.roles() == null) {
                // The methods the container leaves to cticache-method-security, which authenticates them.
                assertEquals(Set.copyOf(CONSTRAINED_BY_THE_CONTAINER), constraint.omissions(), constraint.toString());
            }
        }
        assertEquals(open, openInWebXml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cticache/health", "/cticache/health/", "/cticache/openapi.json", "/cticache/docs",
            "/cticache/docs/", "/cticache/docs/swagger-ui.css", "/cticache/docs/nosuch/deeper", "/cticache/./docs/x",
            "/cticache/%64ocs/x"})
    void theSecurityFiltersLeaveTheOpenResourcesOpen(String requestUri) {
        assertTrue(Roles.isOpenRequest(requestUri, "/cticache"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cticache/pools", "/cticache/status", "/cticache/health/x", "/cticache/openapi.json/x",
            "/cticache/docs/../pools", "/cticache/docs/..;/pools", "/cticache/docs/%2E%2E/pools", "/cticache",
            "/cticache/", "/other/docs/", "/cticache/docsx"})
    void noSpellingBorrowsTheOpennessOfAnotherPath(String requestUri) {
        assertFalse(Roles.isOpenRequest(requestUri, "/cticache"));
    }

    @Test
    void onlyTheOpenResourcesThatAskForNoPasswordAreServedOverPlainHttp() {
        assertTrue(Roles.isOpenOverPlainHttp("/cticache/health", "/cticache"));
        assertTrue(Roles.isOpenOverPlainHttp("/cticache/openapi.json", "/cticache"));
        assertFalse(Roles.isOpenOverPlainHttp("/cticache/docs/", "/cticache"));
        assertFalse(Roles.isOpenOverPlainHttp("/cticache/docs/docs.js", "/cticache"));
        assertFalse(Roles.isOpenOverPlainHttp("/cticache/pools", "/cticache"));
    }

    @Test
    void theOpenApiDocumentListsTheRolesOfRoles() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/cticache/api/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String resource = Roles.resourceOf(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!OPERATIONS.contains(method)) {
                    continue;
                }
                JsonNode roles = operation.getValue().path("x-cticache-roles");
                if (roles.isMissingNode()) {
                    assertTrue(Roles.openResources().contains(resource), method + " " + path.getKey() + " has no roles");
                    continue;
                }
                List<String> listed = new ArrayList<>();
                roles.forEach(role -> listed.add(role.asText()));
                assertEquals(Roles.allowing(resource, method), listed, method + " " + path.getKey());
                documented.add(resource + " " + method);
            }
        }
        for (String resource : Roles.protectedResources()) {
            for (String method : Roles.methods(resource)) {
                assertTrue(documented.contains(resource + " " + method), method + " /" + resource + " undocumented");
            }
        }
    }

    @Test
    void theReadmesEndpointTableListsTheRolesOfRoles() throws Exception {
        // Rows such as: | GET, DELETE | `/DNIS/{dnis}` | `cticache`, `cticache-reader` | ... |
        Set<String> documented = new HashSet<>();
        for (String line : Files.readAllLines(README)) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[2].strip().startsWith("`/")) {
                continue;
            }
            String resource = Roles.resourceOf(cells[2].strip().replace("`", ""));
            List<String> roles = cells[3].strip().equals("none") ? List.of()
                    : Arrays.stream(cells[3].split(",")).map(role -> role.strip().replace("`", "")).toList();
            for (String method : cells[1].split(",")) {
                assertEquals(Roles.allowing(resource, method.strip()), roles, line);
                documented.add(resource + " " + method.strip());
            }
            if (roles.isEmpty()) {
                assertTrue(Roles.openResources().contains(resource), line);
            }
        }
        for (String resource : Roles.protectedResources()) {
            for (String method : Roles.methods(resource)) {
                assertTrue(documented.contains(resource + " " + method), method + " /" + resource + " not in README");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cticache/metrics", "/cticache/metrics/", "/cticache/metrics;x=1", "/cticache//metrics",
            "/cticache/%6Detrics", "/cticache/%6detrics/x", "/cticache/./metrics", "/cticache/x/../metrics",
            "/cticache;jsessionid=1/metrics", "/%63ticache/metrics", "/cticache/%2E/metrics/%2E"})
    void everySpellingOfAPathFindsItsResource(String requestUri) {
        assertEquals("metrics", Roles.resourceOfRequest(requestUri, "/cticache"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cticache", "/cticache/", "/cticache/../metrics", "/other/metrics", "/cticachemetrics"})
    void aPathOutsideTheContextFindsNone(String requestUri) {
        assertEquals("", Roles.resourceOfRequest(requestUri, "/cticache"));
    }

    @Test
    void aRefusalNamesTheRolesOfTheResourceAskedFor() {
        assertEquals("the user has no role that allows HEAD on /cticache/metrics/: GET on /metrics needs role"
                + " cticache or cticache-monitor", Roles.refusal("HEAD", "/cticache/metrics/", "metrics"));
        assertEquals("the user has no role that allows POST on /cticache/DNIS-ANI;x=1: POST on /DNIS-ANI needs role"
                + " cticache or cticache-writer", Roles.refusal("POST", "/cticache/DNIS-ANI;x=1", "DNIS-ANI"));
        assertEquals("the user has no role that allows GET on /cticache/nosuch",
                Roles.refusal("GET", "/cticache/nosuch", ""));
    }

    private static List<String> patternsOf(String resource) {
        return List.of("/" + resource, "/" + resource + "/*");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Set<String> texts(Element parent, String name) {
        return elements(parent, name).stream().map(element -> element.getTextContent().strip())
                .collect(Collectors.toSet());
    }
}
