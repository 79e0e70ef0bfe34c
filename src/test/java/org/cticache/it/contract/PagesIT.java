package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cticache.testing.Api;
import org.cticache.testing.AuditLines;
import org.cticache.testing.Deployment;
import org.cticache.testing.Html;
import org.cticache.testing.Scrape;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API docs (/docs/, open) and the pool status page (/status, monitor roles) over real HTTP in every container:
 * each page and every file it names, with its type and a Content-Security-Policy that names no other origin.
 */
@ExtendWith(SharedDeployment.class)
class PagesIT {

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css",
            "png", "image/png");
    private static final String REQUEST_ID = "X-Request-Id";

    @Test
    void theDocsAreOpenAndServeTheirPageAndEveryFileItNames(Api api) {
        HttpResponse<String> page = api.send(api.request("docs/").GET(), null);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=utf-8", type(page));
        assertOwnOriginOnly(page);
        List<String> files = Html.referencedFiles(page.body());
        assertTrue(files.containsAll(List.of("swagger-ui-bundle.js", "swagger-ui.css", "docs.js")), files::toString);
        for (String file : files) {
            HttpResponse<String> response = api.send(api.request("docs/" + file).GET(), null);
            assertEquals(200, response.statusCode(), file);
            assertTrue(type(response).startsWith(TYPES.get(extension(file))), file + ": " + type(response));
            assertOwnOriginOnly(response);
        }
    }

    @Test
    void theDocsWithoutTheSlashAreSentToTheSlash(Api api) {
        HttpResponse<String> response = api.send(api.request("docs").GET(), null);

        assertEquals(302, response.statusCode());
        assertEquals(api.base().resolve("docs/"),
                response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void anUnknownFileOfTheDocsIs404ProblemDetails(Api api) {
        assertProblem(api.send(api.request("docs/swagger-initializer.js").GET(), null), 404, "no resource at");
    }

    /** Whatever the container makes of the spelling, it never serves a file from outside the page's list. */
    @ParameterizedTest
    @ValueSource(strings = {"/cticache/docs/..%2F..%2FWEB-INF%2Fweb.xml", "/cticache/docs/%2E%2E/WEB-INF/web.xml",
            "/cticache/docs/../WEB-INF/web.xml", "/cticache/docs/..;/WEB-INF/web.xml",
            "/cticache/docs/%2e%2e%2f%2e%2e%2fMETA-INF%2fMANIFEST.MF",
            "/cticache/webjars/swagger-ui/5.35.0/swagger-initializer.js"})
    void noSpellingLeadsOutOfTheDocs(String rawPath, Api api) {
        HttpResponse<String> response = api.sendAsIs(api.requestExactly(rawPath).GET(), null);

        assertTrue(Set.of(400, 401, 404).contains(response.statusCode()), rawPath + " -> " + response.statusCode());
        assertFalse(response.body().contains("<web-app") || response.body().contains("Manifest-Version")
                || response.body().contains("petstore"), response.body());
    }

    @Test
    void theDocsPageIsRefusedOverPlainHttpWhenTlsIsRequiredSoNoPasswordIsTypedIntoIt(Target target) {
        Api plain = target.plainApi();
        HttpResponse<String> page = plain.send(plain.request("docs/").GET(), null);

        if (target.tlsRequired()) {
            assertProblem(page, 403, "HTTPS");
            assertEquals(403, plain.send(plain.request("docs/docs.js").GET(), null).statusCode());
        } else {
            assertEquals(200, page.statusCode(), page.body());
        }
        assertEquals(200, plain.send(plain.request("openapi.json").GET(), null).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status/status.js", "status/status.css"})
    void theStatusPageNeedsTheMonitorRole(String path, Api api) {
        HttpResponse<String> anonymous = api.send(api.request(path).GET(), null);
        assertProblem(anonymous, 401, "");
        assertEquals("Basic realm=\"cticache\"", anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertProblem(api.send(api.request(path).GET(), Deployment.WRITER), 403, "");
        assertProblem(api.send(api.request(path).GET(), Deployment.READER), 403, "");
        assertEquals(200, api.send(api.request(path).GET(), Deployment.ADMIN).statusCode());
    }

    @Test
    void theStatusPageServesItsPageAndEveryFileItNamesToTheMonitor(Api api) {
        HttpResponse<String> page = api.send(api.request("status").GET(), Deployment.MONITOR);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=utf-8", type(page));
        assertOwnOriginOnly(page);
        assertFalse(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("unsafe"));
        List<String> files = Html.referencedFiles(page.body());
        assertEquals(List.of("docs/favicon-32x32.png", "status/status.css", "status/status.js"), files);
        for (String file : files) {
            HttpResponse<String> response = api.send(api.request(file).GET(), Deployment.MONITOR);
            assertEquals(200, response.statusCode(), file);
            assertTrue(type(response).startsWith(TYPES.get(extension(file))), file + ": " + type(response));
            assertOwnOriginOnly(response);
        }
        assertEquals(200, api.send(api.request("pools").GET(), Deployment.MONITOR).statusCode(),
                "what the page reads");
    }

    @Test
    void theStatusPageIsRefusedOverPlainHttpWhenTlsIsRequired(Target target) {
        Api plain = target.plainApi();
        HttpResponse<String> response = plain.send(plain.request("status").GET(), Deployment.MONITOR);

        assertEquals(target.tlsRequired() ? 403 : 200, response.statusCode(), response.body());
    }

    @Test
    void aPageLoadIsNoApiCallNeitherAuditedNorTimed(Api api, Target target) {
        Scrape before = Scrape.of(api);
        try (AuditLines audit = AuditLines.capture()) {
            List<String> pageLoads = new ArrayList<>();
            for (String file : List.of("docs/", "docs/swagger-ui.css", "docs/docs.js", "docs/nosuch")) {
                String id = "page-" + UUID.randomUUID();
                api.send(api.request(file).header(REQUEST_ID, id).GET(), null);
                pageLoads.add(id);
            }
            String id = "page-" + UUID.randomUUID();
            api.send(api.request("status").header(REQUEST_ID, id).GET(), Deployment.MONITOR);
            pageLoads.add(id);
            String refused = "page-" + UUID.randomUUID();
            assertEquals(403, api.send(api.request("status").header(REQUEST_ID, refused).GET(), Deployment.WRITER)
                    .statusCode());

            Scrape after = Scrape.of(api);
            for (String status : List.of("200", "404")) {
                assertEquals(before.valueOrZero(unknown(status)), after.valueOrZero(unknown(status)), unknown(status));
            }
            // The series a page load would have fed: an unknown path, an API call, is timed there.
            api.send(api.request("nosuch").GET(), Deployment.ADMIN);
            assertEquals(after.valueOrZero(unknown("404")) + 1, Scrape.of(api).value(unknown("404")));
            // This JVM sees the log of the embedded deployment only.
            if (target.name().equals("embedded")) {
                // The refusal is audited, after every page load: once its line is there, theirs would be too.
                assertTrue(audit.of(refused).contains(" status=403 "));
                for (String pageLoad : pageLoads) {
                    assertFalse(audit.has(pageLoad), pageLoad);
                }
            }
        }
    }

    private static String unknown(String status) {
        return "cticache_requests_seconds_count{operation=\"unknown\",status=\"" + status + "\"}";
    }

    private static void assertOwnOriginOnly(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'self';") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("http") || policy.contains("*") || policy.contains("//"), policy);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
    }


    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase();
    }
}
