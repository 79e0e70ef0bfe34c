package org.cticache.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Holds every answer that {@link Api} receives to the OpenAPI 3.1 document, so that a test given an undocumented
 * answer fails right there: the operation (method and path template) exists, the status is declared for it, the
 * required headers are there and valid, the Content-Type is declared for that status, and the body validates (JSON
 * against the JSON Schema 2020-12 of the OpenAPI 3.1 dialect, XML by the elements the schema's {@code xml} object
 * names).
 */
public final class OpenApiConformance {

    // The document comes from the test class path, the very file the WAR packages, rather than from the deployment
    // under test: it is then there before any deployment, also for tests whose deployment is meant to fail or is
    // being undeployed. OpenApiIT proves that the served document is this file, byte for byte.
    public static final String RESOURCE = "org/cticache/api/openapi.json";

    // A request outside the document (unknown path, or a method its path does not have) may only be refused, and
    // with the document's own refusals: authentication comes first, as on every path (see the info description).
    private static final Map<Integer, String> UNKNOWN_PATH = Map.of(
            401, "Unauthorized", 403, "Forbidden", 404, "NotFound");
    private static final Map<Integer, String> UNKNOWN_METHOD = Map.of(
            401, "Unauthorized", 403, "Forbidden", 405, "MethodNotAllowed");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    // OpenAPI ignores a Header Object named Content-Type: the content map describes that header.
    private static final String CONTENT_TYPE = "content-type";

    // The validator reads the document's root as a schema, so its members reach it as unknown keywords.
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private static final OpenApiConformance DOCUMENT = new OpenApiConformance();

    private final JsonNode document;
    private final String basePath;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getOpenApi31())
            .unknownKeywordFactory(OpenApiConformance::documentMember).build());
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiConformance() {
        try (InputStream in = OpenApiConformance.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        basePath = document.path("servers").path(0).path("url").asText();
    }

    /** The document every answer is checked against. */
    public static OpenApiConformance document() {
        return DOCUMENT;
    }

    /** The parsed document, for tests of the document itself. */
    public JsonNode json() {
        return document;
    }

    /** Fails with what differs when the answer is not one the document declares for its request. */
    public static void check(HttpResponse<String> response) {
        List<String> problems = DOCUMENT.problemsOf(response);
        if (!problems.isEmpty()) {
            throw new AssertionError("answer not described by the OpenAPI document (" + RESOURCE + "): "
                    + response.request().method() + " " + response.request().uri().getRawPath() + " -> "
                    + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                    + "\n  " + String.join("\n  ", problems) + "\n  body: " + abbreviated(response.body()));
        }
    }

    /** What is wrong with the answer in the light of the document; empty when nothing is. */
    public List<String> problemsOf(HttpResponse<String> response) {
        // HEAD is answered as GET would be, without the body.
        String method = response.request().method().equals("HEAD") ? "get"
                : response.request().method().toLowerCase(Locale.ROOT);
        String rawPath = response.request().uri().getRawPath();
        int status = response.statusCode();
        if (!rawPath.startsWith(basePath + "/")) {
            // Not cticache's answer but the container's, for tests that check cticache leaves such paths alone.
            return List.of();
        }
        Optional<String> template = templateOf(routed(rawPath.substring(basePath.length())));
        if (template.isEmpty()) {
            return refusal(response, UNKNOWN_PATH, "an unknown path");
        }
        String operation = "/paths/" + escape(template.get()) + "/" + method;
        if (document.at(operation).isMissingNode()) {
            return refusal(response, UNKNOWN_METHOD, "a method that " + template.get() + " does not have");
        }
        JsonNode responses = document.at(operation + "/responses");
        String declared = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX"
                : responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of("status " + status + " is not declared for " + method.toUpperCase(Locale.ROOT) + " "
                    + template.get() + " (declared: " + names(responses) + ")");
        }
        return responseProblems(response, operation + "/responses/" + declared);
    }

    /** Checks an answer to a request that the document does not describe: one of the refusals allowed for it. */
    private List<String> refusal(HttpResponse<String> response, Map<Integer, String> allowed, String what) {
        String component = allowed.get(response.statusCode());
        if (component == null) {
            return List.of("a request for " + what + " may only be answered " + allowed.keySet().stream().sorted()
                    .map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return responseProblems(response, "/components/responses/" + component);
    }

    /**
     * The path as Jersey routes it to a resource: without matrix parameters (";x=1", in any segment) and without
     * a trailing slash. Other spellings (percent-escapes in a fixed segment, empty or dot segments) reach none.
     */
    private static String routed(String path) {
        String plain = path.replaceAll(";[^/]*", "");
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /** The path template of the document that the path (below the server URL) matches. */
    private Optional<String> templateOf(String path) {
        String[] segments = path.split("/", -1);
        for (Iterator<String> templates = document.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                matches = parts[i].startsWith("{") && parts[i].endsWith("}") ? !segments[i].isEmpty()
                        : parts[i].equals(segments[i]);
            }
            if (matches) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    private List<String> responseProblems(HttpResponse<String> response, String pointer) {
        String at = resolve(pointer);
        JsonNode declared = document.at(at);
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> headers = declared.path("headers").fields(); headers.hasNext(); ) {
            Map.Entry<String, JsonNode> header = headers.next();
            if (!header.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
                problems.addAll(headerProblems(response, header.getKey(),
                        resolve(at + "/headers/" + escape(header.getKey()))));
            }
        }
        JsonNode content = declared.path("content");
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (content.isEmpty()) {
            if (!response.body().isEmpty()) {
                problems.add("a body, where the document declares none");
            }
            return problems;
        }
        if (contentType.isEmpty()) {
            problems.add("no Content-Type; declared: " + names(content));
            return problems;
        }
        String essence = essence(contentType.get());
        Optional<String> mediaType = names(content).stream().filter(name -> essence(name).equals(essence)).findFirst();
        if (mediaType.isEmpty()) {
            problems.add("Content-Type " + contentType.get() + " is not declared for this status; declared: "
                    + names(content));
            return problems;
        }
        String schema = at + "/content/" + escape(mediaType.get()) + "/schema";
        if (document.at(schema).isMissingNode() || response.request().method().equals("HEAD")) {
            return problems;
        }
        if (essence.equals("application/json") || essence.endsWith("+json")) {
            problems.addAll(jsonProblems(response, schema, essence));
        } else if (essence.endsWith("/xml") || essence.endsWith("+xml")) {
            problems.addAll(xmlProblems(response.body(), schema));
        }
        return problems;
    }

    private List<String> headerProblems(HttpResponse<String> response, String name, String pointer) {
        JsonNode header = document.at(pointer);
        Optional<String> value = response.headers().firstValue(name);
        if (value.isEmpty()) {
            return header.path("required").asBoolean() ? List.of("required header " + name + " is missing")
                    : List.of();
        }
        if (document.at(pointer + "/schema").isMissingNode()) {
            return List.of();
        }
        // A header's value is text; a schema of type integer describes its digits.
        boolean integer = document.at(resolve(pointer + "/schema") + "/type").asText().equals("integer");
        String json = integer && INTEGER.matcher(value.get()).matches() ? value.get()
                : JSON.getNodeFactory().textNode(value.get()).toString();
        return schemaProblems(pointer + "/schema", json, "header " + name);
    }

    private List<String> jsonProblems(HttpResponse<String> response, String schema, String essence) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>(schemaProblems(schema, response.body(), "body"));
        if (essence.equals("application/problem+json") && body.path("status").asInt() != response.statusCode()) {
            problems.add("problem member status " + body.path("status") + " differs from the HTTP status");
        }
        return problems;
    }

    private List<String> schemaProblems(String pointer, String json, String what) {
        Schema schema = schema(pointer);
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(error -> what + " " + error.getMessage() + " (schema " + pointer + ")").toList();
    }

    /** The compiled schema at a JSON pointer into the document; compiled once, shared by all threads. */
    public Schema schema(String pointer) {
        if (document.at(pointer).isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer + " in " + RESOURCE);
        }
        return compiled.computeIfAbsent(pointer, at -> {
            Schema schema = schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + fragment(at)));
            schema.initializeValidators();
            return schema;
        });
    }

    /**
     * Accepts the document's own members, which the validator meets at its root; any other keyword it does not know
     * is a typo in a schema, which would otherwise silently validate nothing.
     */
    private static Keyword documentMember(String keyword, SchemaContext context) {
        if (!DOCUMENT_MEMBERS.contains(keyword)) {
            throw new IllegalStateException("unknown JSON Schema keyword '" + keyword + "' in " + RESOURCE);
        }
        return new AnnotationKeyword(keyword);
    }

    /**
     * Checks an XML body by what the OpenAPI XML object describes: the root element's name and namespace, and one
     * child element for each required property.
     */
    private List<String> xmlProblems(String body, String pointer) {
        JsonNode schema = document.at(resolve(pointer));
        Element root;
        try {
            root = parse(body).getDocumentElement();
        } catch (SAXException | IOException e) {
            return List.of("the body is not well-formed XML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        String name = schema.path("xml").path("name").asText(null);
        String namespace = schema.path("xml").path("namespace").asText(null);
        if (name != null && !name.equals(root.getLocalName())) {
            problems.add("XML root element <" + root.getLocalName() + ">, declared <" + name + ">");
        }
        if (!Objects.equals(namespace, root.getNamespaceURI())) {
            problems.add("XML root namespace " + root.getNamespaceURI() + ", declared " + namespace);
        }
        for (JsonNode required : schema.path("required")) {
            if (!hasChild(root, required.asText())) {
                problems.add("XML element <" + root.getLocalName() + "> lacks required child <" + required.asText()
                        + ">");
            }
        }
        return problems;
    }

    private static boolean hasChild(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(String xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser supports these features", e);
        }
    }

    /** The pointer with any local {@code $ref} at it followed, as often as it takes. */
    public String resolve(String pointer) {
        String at = pointer;
        for (int hops = 0; document.at(at).has("$ref"); hops++) {
            String ref = document.at(at).get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 20) {
                throw new IllegalStateException("unresolvable $ref " + ref + " at " + at);
            }
            at = ref.substring(1);
        }
        return at;
    }

    /** A JSON pointer token for a name (RFC 6901). */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: percent-encoded where a URI needs it (RFC 6901, section 6). */
    private static String fragment(String pointer) {
        return URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/")
                .replace("%7E", "~");
    }

    private static String essence(String mediaType) {
        return mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviated(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
