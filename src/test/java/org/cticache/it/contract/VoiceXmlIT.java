package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cticache.testing.Api;
import org.cticache.testing.ContractSettings;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StoredKeys;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What a VoiceXML 2.1 browser does: posts a form ({@code <data method="post">}, {@code <submit>}) and reads the
 * answer, success or error, as XML with its DOM. Every answer here is parsed by a real XML parser.
 */
@ExtendWith(SharedDeployment.class)
class VoiceXmlIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PROBLEM_NS = "urn:ietf:rfc:7807";

    // --- form posts ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aFormPostCreatesAnEntryAndAnswersInTheXmlTypeAskedFor(String accept, Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = postForm(api, accept, Deployment.WRITER, "value", "12345678", "ani", ani);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(accept, mediaType(response));
        Element entry = root(response, "entry");
        String dnis = text(entry, "dnis");
        assertTrue(dnis.matches("55512345\\d\\d"), "DNIS from the default pool: " + dnis);
        assertEquals(ani, text(entry, "ani"));
        assertEquals("12345678", text(entry, "value"));
        assertEquals("default", text(entry, "pool"));
        assertEquals(Integer.toString(ContractSettings.TTL_DEFAULT), text(entry, "ttl"));
        assertEquals("/cticache/DNIS-ANI/" + dnis + ":" + ani, response.headers().firstValue("Location").orElseThrow());
        assertEquals("{\"value\":\"12345678\"}", api.get(dnis + ":" + ani).body(), "a form value is a JSON string");
    }

    @Test
    void aFormValueIsStoredExactlyAsAJsonStringWithPoolAndTtl(Api api) {
        String ani = Numbers.uniqueAni();
        String value = "acct=4711 & \"intent\": billing\\ café ☎\n";
        HttpResponse<String> response = postForm(api, "application/xml", Deployment.ADMIN,
                "ani", ani, "value", value, "pool", "small", "ttl", "30");

        assertEquals(201, response.statusCode(), response.body());
        Element entry = root(response, "entry");
        assertEquals(value, text(entry, "value"));
        assertEquals("small", text(entry, "pool"));
        assertEquals("30", text(entry, "ttl"));
        String key = text(entry, "dnis") + ":" + ani;
        assertEquals("{\"value\":" + Api.JSON.valueToTree(value) + "}", api.delete(key).body());
    }

    @Test
    void aFormPostAnswersJsonToAClientThatDoesNotAskForXml(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = postForm(api, null, Deployment.ADMIN, "value", "v", "ani", ani);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", mediaType(response));
        assertEquals("v", Api.json(response).path("value").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown field       | value=1&ani=%ANI%&dnis=5551234500 | unknown field 'dnis'",
        "missing value       | ani=%ANI%                         | 'value' is missing",
        "value twice         | value=1&value=2&ani=%ANI%         | 'value' is given twice",
        "ttl not a number    | value=1&ani=%ANI%&ttl=abc         | 'ttl' must be a whole number",
        "ttl a fraction      | value=1&ani=%ANI%&ttl=1.5         | 'ttl' must be a whole number",
        "ttl zero            | value=1&ani=%ANI%&ttl=0           | ttl 0 is out of range",
        "ttl over maximum    | value=1&ani=%ANI%&ttl=3601        | ttl 3601 is out of range",
        "ttl huge            | value=1&ani=%ANI%&ttl=99999999999999999999 | out of range",
        "unknown pool        | value=1&ani=%ANI%&pool=nosuch     | pool 'nosuch' is not configured",
        "bad percent escape  | value=%G1&ani=%ANI%               | not valid form encoding",
        "not UTF-8           | value=%C3%28&ani=%ANI%            | not valid UTF-8",
        "empty body          | ``                                | empty",
    })
    void aBadFormIs400InXmlAndStoresNothing(String what, String body, String detail, Api api,
                                            RedisUnderTest redis) {
        for (String accept : List.of("application/xml", "text/xml")) {
            String ani = Numbers.uniqueAni();
            HttpResponse<String> response = send(api, accept, Deployment.ADMIN,
                    formRequest(api, body.replace("%ANI%", ani)));

            assertXmlProblem(response, accept, 400, detail);
            assertEquals(Set.of(), redis.data().keys(StoredKeys.of(ani) + "*"), "keys stored by a failed request");
        }
    }

    @Test
    void anEmptyAniFieldIsAMissingAni(Api api) {
        HttpResponse<String> response = postForm(api, "application/xml", Deployment.ADMIN, "value", "1", "ani", "");

        assertXmlProblem(response, "application/xml", 400, "'ani' is missing");
    }

    @Test
    void aFormWithACharsetParameterIsDecodedInIt(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = send(api, "application/xml", Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", FORM + "; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("value=caf%E9&ani=" + ani)));

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("café", text(root(response, "entry"), "value"));
    }

    @Test
    void aJsonBodySentAsAFormIs415SayingSo(Api api) {
        HttpResponse<String> response = send(api, "text/xml", Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":1,\"ani\":\"" + Numbers.uniqueAni() + "\"}")));

        assertXmlProblem(response, "text/xml", 415, "send it as application/json");
    }

    @Test
    void theExchangesOfTheVoiceXmlDocumentsInTheDocsWork(Api api) {
        // docs/voicexml.md: X posts its namelist and reads the DNIS with getElementsByTagName; Y, on arrival,
        // GETs <dnis>:<ani> and reads the value the same way.
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = postForm(api, "text/xml", Deployment.WRITER, "ani", ani, "value",
                "4711");
        assertEquals(201, created.statusCode(), created.body());
        String dnis = firstText(parse(created), "dnis");

        HttpResponse<String> arrived = send(api, "text/xml", Deployment.READER,
                api.request("DNIS-ANI/" + dnis + ":" + ani).GET());
        assertEquals(200, arrived.statusCode(), arrived.body());
        assertEquals("4711", firstText(parse(arrived), "value"));
    }

    // --- XML answers ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aJsonPostWithAnXmlAcceptGetsXml(String accept, Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":42,\"ani\":\"" + ani + "\",\"ttl\":20}")));

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(accept, mediaType(response));
        assertEquals("UTF-8", charset(response));
        Element entry = root(response, "entry");
        assertEquals(ani, text(entry, "ani"));
        assertEquals("42", text(entry, "value"));
        assertEquals("20", text(entry, "ttl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void peekAndTakeAnswerXml(String accept, Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"12345678\"").path("dnis").asText() + ":" + ani;

        HttpResponse<String> peeked = send(api, accept, Deployment.READER, api.request("DNIS-ANI/" + key).GET());
        assertEquals(200, peeked.statusCode(), peeked.body());
        assertEquals(accept, mediaType(peeked));
        assertEquals("12345678", text(root(peeked, "entry"), "value"));

        HttpResponse<String> taken = send(api, accept, Deployment.READER, api.request("DNIS-ANI/" + key).DELETE());
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals(accept, mediaType(taken));
        assertEquals("12345678", text(root(taken, "entry"), "value"));
        assertEquals(404, api.get(key).statusCode(), "the take consumed the entry");
    }

    @Test
    void aVoiceXmlStyleObjectValueBecomesNestedElements(Api api) {
        String ani = Numbers.uniqueAni();
        String value = "{\"account\":\"4711\",\"intent\":\"billing\",\"verified\":true,\"balance\":1.10,"
                + "\"note\":null,\"customer\":{\"name\":\"Ann <A&B>\",\"tier\":\"gold\"},"
                + "\"menu\":[\"1\",2,{\"x\":\"y\"}],\"2nd try\":\"yes\",\"\":\"\"}";
        String key = api.created(ani, value).path("dnis").asText() + ":" + ani;

        HttpResponse<String> response = send(api, "text/xml", Deployment.READER, api.request("DNIS-ANI/" + key).GET());

        assertEquals(200, response.statusCode(), response.body());
        Element data = child(root(response, "entry"), "value");
        assertEquals(List.of("account", "intent", "verified", "balance", "note", "customer", "menu", "item", "item"),
                childNames(data));
        assertEquals("4711", text(data, "account"));
        assertEquals("true", text(data, "verified"));
        assertEquals("1.10", text(data, "balance"), "a number keeps its spelling");
        Element note = child(data, "note");
        assertEquals("true", note.getAttribute("nil"));
        assertFalse(note.hasChildNodes());
        Element customer = child(data, "customer");
        assertEquals("Ann <A&B>", text(customer, "name"));
        assertEquals("gold", text(customer, "tier"));
        List<Element> menu = children(child(data, "menu"));
        assertEquals(List.of("item", "item", "item"), menu.stream().map(Element::getTagName).toList());
        assertEquals("1", menu.get(0).getTextContent());
        assertEquals("2", menu.get(1).getTextContent());
        assertEquals("y", text(menu.get(2), "x"));
        List<Element> oddNames = children(data).stream().filter(e -> e.getTagName().equals("item")).toList();
        assertEquals("2nd try", oddNames.get(0).getAttribute("name"));
        assertEquals("yes", oddNames.get(0).getTextContent());
        assertTrue(oddNames.get(1).hasAttribute("name"));
        assertEquals("", oddNames.get(1).getAttribute("name"));

        assertEquals("{\"value\":" + value + "}", api.get(key).body(), "JSON is still exact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void healthAnswersXml(String accept, Api api) {
        HttpResponse<String> response = send(api, accept, null, api.request("health").GET());

        assertEquals(200, response.statusCode());
        assertEquals(accept, mediaType(response));
        assertEquals("UP", text(root(response, "health"), "status"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                            | application/json | application/problem+json",
        "*/*                                           | application/json | application/problem+json",
        "application/json                              | application/json | application/problem+json",
        "application/*                                 | application/json | application/problem+json",
        "`application/json, application/xml`           | application/json | application/problem+json",
        "`application/xml, application/json`           | application/xml  | application/problem+xml",
        "application/xml                               | application/xml  | application/problem+xml",
        "`application/xml, */*;q=0.5`                  | application/xml  | application/problem+xml",
        "`application/xml;q=0.9, application/json;q=0.5` | application/xml | application/problem+xml",
        "text/xml                                      | text/xml         | text/xml",
        "text/*                                        | text/xml         | text/xml",
        "`text/xml, */*`                               | text/xml         | text/xml",
        "`application/json;q=0.5, text/xml`            | text/xml         | text/xml",
    })
    void theAnswerHasTheTypeTheAcceptPrefersAndErrorsFollowIt(String accept, String success, String error,
                                                              Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"v\"").path("dnis").asText() + ":" + ani;
        String sent = accept.isEmpty() ? null : accept;

        HttpResponse<String> peeked = send(api, sent, Deployment.READER, api.request("DNIS-ANI/" + key).GET());
        assertEquals(200, peeked.statusCode(), peeked.body());
        assertEquals(success, mediaType(peeked));

        HttpResponse<String> missing = send(api, sent, Deployment.READER,
                api.request("DNIS-ANI/5551234599:" + Numbers.uniqueAni()).GET());
        assertEquals(404, missing.statusCode(), missing.body());
        assertEquals(error, mediaType(missing));
        if (success.equals("application/json")) {
            assertEquals("{\"value\":\"v\"}", peeked.body(), "JSON exactly as without XML");
        } else {
            assertXmlProblemOfType(missing, error, 404, "no live entry");
        }
    }

    @Test
    void anAcceptOfNeitherJsonNorXmlIs406(Api api) {
        HttpResponse<String> response = send(api, "text/html", Deployment.READER,
                api.request("DNIS-ANI/5551234599:" + Numbers.uniqueAni()).GET());

        assertEquals(406, response.statusCode(), response.body());
        assertEquals("application/problem+json", mediaType(response));
        assertTrue(Api.json(response).path("detail").asText().contains("application/xml"), response.body());
    }

    // --- every error status, as XML ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void badRequestsAre400InXml(String accept, Api api) {
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{value: 1}"))),
                accept, 400, "not valid JSON");
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI/5551234500").GET()),
                accept, 400, "must be <dnis>:<ani>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void missingCredentialsAre401InXmlWithTheChallenge(String accept, Api api) {
        String key = "DNIS-ANI/5551234500:" + Numbers.uniqueAni();
        for (HttpRequest.Builder request : List.of(api.request(key).GET(), api.request(key).DELETE(),
                api.request(key).PUT(HttpRequest.BodyPublishers.noBody()), formRequest(api, "value=1"))) {
            HttpResponse<String> response = send(api, accept, null, request);
            assertXmlProblem(response, accept, 401, "Basic");
            assertEquals("Basic realm=\"cticache\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    @Test
    void aChallengedFormPostIsRetriedWithCredentialsAsBrowsersDo(Api api) {
        // A browser sends credentials only after the challenge; the unread body of the first POST must not cost
        // the retry its connection (the challenge says Connection: close, so the retry takes a fresh one).
        for (int i = 0; i < 20; i++) {
            String body = "value=" + i + "&ani=" + Numbers.uniqueAni();
            HttpResponse<String> challenge = send(api, "text/xml", null, formRequest(api, body));
            assertXmlProblem(challenge, "text/xml", 401, "Basic");
            assertEquals("close", challenge.headers().firstValue("Connection").orElse(""), "Connection header");
            HttpResponse<String> retried = send(api, "text/xml", Deployment.WRITER, formRequest(api, body));
            assertEquals(201, retried.statusCode(), retried.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aRoleThatDoesNotFitIs403InXml(String accept, Api api) {
        String key = "DNIS-ANI/5551234500:" + Numbers.uniqueAni();
        assertXmlProblem(send(api, accept, Deployment.READER, formRequest(api, "value=1&ani=" + Numbers.uniqueAni())),
                accept, 403, "role");
        assertXmlProblem(send(api, accept, Deployment.WRITER, api.request(key).GET()), accept, 403, "role");
        assertXmlProblem(send(api, accept, Deployment.WRITER, api.request(key).DELETE()), accept, 403, "role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void plainHttpWhereTlsIsRequiredIs403InXml(String accept, Target target) {
        assumeTrue(target.tlsRequired(), target.name() + " runs without cticache.tls.required");
        Api plain = target.plainApi();
        String key = "DNIS-ANI/5551234500:" + Numbers.uniqueAni();

        assertXmlProblem(send(plain, accept, null, plain.request(key).GET()), accept, 403, "HTTPS");
        assertXmlProblem(send(plain, accept, Deployment.ADMIN, plain.request(key).DELETE()), accept, 403, "HTTPS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void missingEntriesAndUnknownPathsAre404InXml(String accept, Api api) {
        assertXmlProblem(send(api, accept, Deployment.ADMIN,
                api.request("DNIS-ANI/5551234599:" + Numbers.uniqueAni()).DELETE()), accept, 404, "no live entry");
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("nosuch").GET()), accept, 404,
                "/cticache/nosuch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aMethodNotAllowedIs405InXmlWithAllow(String accept, Api api) {
        HttpResponse<String> response = send(api, accept, Deployment.ADMIN,
                api.request("DNIS-ANI/5551234500:1234567890").PUT(HttpRequest.BodyPublishers.ofString("value=1"))
                        .header("Content-Type", FORM));

        assertXmlProblem(response, accept, 405, "PUT");
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void aFormOverTheBodyLimitIs413InXml(String accept, Api api, RedisUnderTest redis) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> response = send(api, accept, Deployment.ADMIN,
                formRequest(api, "ani=" + ani + "&value=" + "x".repeat(16_384)));

        assertXmlProblem(response, accept, 413, "16384 bytes");
        assertEquals(Set.of(), redis.data().keys(StoredKeys.of(ani) + "*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void unsupportedContentTypesAre415InXml(String accept, Api api) {
        String body = "value=1&ani=" + Numbers.uniqueAni();
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body))),
                accept, 415, "text/plain");
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .POST(HttpRequest.BodyPublishers.ofString(body))), accept, 415, "Content-Type is missing");
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", "nonsense").POST(HttpRequest.BodyPublishers.ofString(body))),
                accept, 415, "malformed");
        assertXmlProblem(send(api, accept, Deployment.ADMIN, api.request("DNIS-ANI")
                .header("Content-Type", FORM + "; charset=x-nosuch").POST(HttpRequest.BodyPublishers.ofString(body))),
                accept, 415, "charset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml"})
    void anExhaustedPoolIs503InXmlWithRetryAfter(String accept, Api api) {
        String ani = Numbers.uniqueAni();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = postForm(api, accept, Deployment.WRITER,
                    "value", "call " + i, "ani", ani, "pool", "small");
            assertEquals(201, created.statusCode(), created.body());
        }

        HttpResponse<String> response = postForm(api, accept, Deployment.WRITER,
                "value", "one too many", "ani", ani, "pool", "small");

        assertXmlProblem(response, accept, 503, "pool 'small'");
        assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static HttpResponse<String> postForm(Api api, String accept, String user, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(api, accept, user, formRequest(api, body));
    }

    private static HttpRequest.Builder formRequest(Api api, String body) {
        return api.request("DNIS-ANI").header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(Api api, String accept, String user, HttpRequest.Builder request) {
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api.send(request, user);
    }

    /**
     * An RFC 9457 problem in its XML form: application/problem+xml, or text/xml for a client that asked for
     * text/xml, with the status, a title and a detail.
     */
    private static void assertXmlProblem(HttpResponse<String> response, String accept, int status, String detail) {
        assertXmlProblemOfType(response, accept.equals("text/xml") ? "text/xml" : "application/problem+xml", status,
                detail);
    }

    private static void assertXmlProblemOfType(HttpResponse<String> response, String type, int status,
                                               String detail) {
        assertEquals(status, response.statusCode(), () -> "status; body: " + response.body());
        assertEquals(type, mediaType(response), () -> "Content-Type; body: " + response.body());
        Element problem = parse(response).getDocumentElement();
        assertEquals(PROBLEM_NS, problem.getNamespaceURI());
        assertEquals("problem", problem.getLocalName());
        assertEquals(List.of("type", "title", "status", "detail"), childNames(problem));
        assertEquals("about:blank", text(problem, "type"));
        assertFalse(text(problem, "title").isBlank());
        assertEquals(Integer.toString(status), text(problem, "status"));
        String actual = text(problem, "detail");
        assertTrue(actual.contains(detail), () -> "detail '" + actual + "' lacks '" + detail + "'");
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    private static Element root(HttpResponse<String> response, String name) {
        Element root = parse(response).getDocumentElement();
        assertEquals(name, root.getTagName(), response.body());
        return root;
    }

    private static Document parse(HttpResponse<String> response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(response.body())));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not XML: " + response.body(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<String> childNames(Element parent) {
        return children(parent).stream().map(Element::getLocalName).toList();
    }

    private static Element child(Element parent, String name) {
        Element found = children(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst()
                .orElse(null);
        assertNotNull(found, () -> "no <" + name + "> in <" + parent.getTagName() + ">");
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** What the documents' textOf does: the text nodes of the first element of that name. */
    private static String firstText(Document document, String name) {
        StringBuilder text = new StringBuilder();
        for (Node node = document.getElementsByTagName(name).item(0).getFirstChild(); node != null;
                node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }

    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    private static String charset(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int at = contentType.toLowerCase().indexOf("charset=");
        return at < 0 ? "" : contentType.substring(at + "charset=".length()).strip().toUpperCase();
    }
}
