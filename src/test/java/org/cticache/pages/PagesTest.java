package org.cticache.pages;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Html;
import org.cticache.testing.InMemoryEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API docs and the pool status page at the HTTP edge: their files, types, headers, redirects and roles. */
class PagesTest {

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css",
            "png", "image/png");

    @RegisterExtension
    final InMemoryEdge edge = new InMemoryEdge();

    @Test
    void theDocsAreOpenAndServedAsHtmlWithTheirSecurityHeaders(Api api) {
        HttpResponse<String> page = api.send(api.request("docs/").GET(), null);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("text/html;charset=utf-8", type(page));
        assertTrue(page.body().contains("<div id=\"swagger-ui\">"), page.body());
        assertSecurityHeaders(page);
        assertEquals("no-cache, no-transform", page.headers().firstValue("Cache-Control").orElseThrow());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("img-src 'self' data:") && !policy.contains("unsafe"), policy);
    }

    @Test
    void everyFileTheDocsPageNamesIsServedOpenWithItsType(Api api) {
        List<String> files = Html.referencedFiles(api.send(api.request("docs/").GET(), null).body());

        assertEquals(List.of("swagger-ui.css", "index.css", "favicon-32x32.png", "favicon-16x16.png",
                "swagger-ui-bundle.js", "docs.js"), files);
        for (String file : files) {
            HttpResponse<String> response = api.send(api.request("docs/" + file).GET(), null);
            assertEquals(200, response.statusCode(), file);
            assertTrue(type(response).startsWith(TYPES.get(file.substring(file.lastIndexOf('.') + 1))),
                    file + " " + type(response));
            assertSecurityHeaders(response);
        }
    }

    @Test
    void theDocsStartSwaggerUiOnThisDeploymentsDocumentWithNothingFromElsewhere(Api api) {
        String script = api.send(api.request("docs/docs.js").GET(), null).body();
        String page = api.send(api.request("docs/").GET(), null).body();

        assertTrue(script.contains("fetch('../openapi.json'"), script);
        assertTrue(script.contains("validatorUrl: null"), script);
        assertFalse(script.contains("petstore"), script);
        for (String ours : List.of(page, script)) {
            assertFalse(ours.contains("http:") || ours.contains("https:") || ours.contains("//cdn"), ours);
        }
    }

    @Test
    void theDocsWithoutTheSlashRedirectToTheSlash(Api api) {
        HttpResponse<String> response = api.send(api.request("docs").GET(), null);

        assertEquals(302, response.statusCode());
        assertEquals("docs/", response.headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/nosuch.js", "docs/swagger-initializer.js", "docs/index.html",
            "docs/oauth2-redirect.html", "docs/swagger-ui.js", "docs/a/swagger-ui.css", "docs/..%2Fopenapi.json",
            "docs/%2E%2E%2F%2E%2E%2FWEB-INF%2Fweb.xml", "docs/..%2F..%2FMETA-INF%2FMANIFEST.MF",
            "docs/%2E%2E", "status/nosuch.css", "status/status.html", "status/..%2Fpools"})
    void anUnknownFileOrAPathOutOfThePageIs404ProblemDetails(String path, Api api) {
        assertProblem(api.send(api.request(path).GET(), Deployment.ADMIN), 404, "no resource at");
    }

    @Test
    void aFileTheBrowserHoldsAlreadyIs304WithoutABody(Api api) {
        HttpResponse<String> first = api.send(api.request("docs/swagger-ui.css").GET(), null);
        String tag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = api.send(api.request("docs/swagger-ui.css").header("If-None-Match", tag).GET(),
                null);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(tag, again.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> other = api.send(api.request("docs/swagger-ui.css").header("If-None-Match", "\"x\"")
                .GET(), null);
        assertEquals(200, other.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status/status.js", "status/status.css", "status/"})
    void theStatusPageNeedsTheMonitorRole(String path, Api api) {
        HttpResponse<String> anonymous = api.send(api.request(path).GET(), null);
        assertProblem(anonymous, 401, "Basic");
        assertEquals("Basic realm=\"cticache\"", anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
        for (String user : List.of(Deployment.WRITER, Deployment.READER, Deployment.NO_ROLE)) {
            assertProblem(api.send(api.request(path).GET(), user), 403,
                    "GET on /status needs role cticache or cticache-monitor");
        }
        for (String user : List.of(Deployment.MONITOR, Deployment.ADMIN)) {
            int status = api.send(api.request(path).GET(), user).statusCode();
            assertEquals(path.endsWith("/") ? 302 : 200, status, user);
        }
    }

    @Test
    void theStatusPageIsHtmlMarkingTheWarningThresholdWithAStrictPolicy(Api api) {
        HttpResponse<String> page = api.send(api.request("status").GET(), Deployment.MONITOR);

        assertEquals("text/html;charset=utf-8", type(page));
        assertTrue(page.body().contains("data-warn-percent=\"" + InMemoryEdge.POOL_WARN_PERCENT + "\""), page.body());
        assertSecurityHeaders(page);
        assertEquals("private, no-cache, no-transform", page.headers().firstValue("Cache-Control").orElseThrow());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(policy.contains("unsafe") || policy.contains("data:"), policy);
        // What that policy would block: inline script, inline style, event handler attributes.
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)|<style|\\sstyle=|\\son[a-z]+=").matcher(page.body())
                .find(), page.body());
    }

    @Test
    void everyFileTheStatusPageNamesIsServedWithItsType(Api api) {
        List<String> files = Html.referencedFiles(api.send(api.request("status").GET(), Deployment.MONITOR).body());

        // The icon is the docs page's, open to anyone: the browser asks for an icon on every page.
        assertEquals(List.of("docs/favicon-32x32.png", "status/status.css", "status/status.js"), files);
        for (String file : files) {
            HttpResponse<String> response = api.send(api.request(file).GET(), Deployment.MONITOR);
            assertEquals(200, response.statusCode(), file);
            assertTrue(type(response).startsWith(TYPES.get(file.substring(file.lastIndexOf('.') + 1))), file);
            assertSecurityHeaders(response);
        }
    }

    @Test
    void theStatusPageWithASlashRedirectsToThePage(Api api) {
        HttpResponse<String> response = api.send(api.request("status/").GET(), Deployment.MONITOR);

        assertEquals(302, response.statusCode());
        assertEquals("../status", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theStatusPageReadsThePoolsItsUserMayRead(Api api) {
        String script = api.send(api.request("status/status.js").GET(), Deployment.MONITOR).body();

        assertTrue(script.contains("fetch('pools'"), script);
        assertEquals(200, api.send(api.request("pools").GET(), Deployment.MONITOR).statusCode());
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'self';") && policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("http") || policy.contains("*"), "no other origin: " + policy);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(response.headers().firstValue("ETag").isPresent());
    }


    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase();
    }
}
