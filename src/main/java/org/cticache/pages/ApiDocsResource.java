package org.cticache.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * The browsable API docs at /docs/: Swagger UI over the WAR's own openapi.json, open like that document. Its
 * files come from the swagger-ui webjar in the WAR, the page and its start-up script are ours.
 */
@Path("docs")
public final class ApiDocsResource {

    // Swagger UI's CSS draws its icons from data: URIs; everything else, the document and "try it out" included, is
    // this origin's. No 'unsafe-inline': Swagger UI 5 sets its styles through the DOM, which the policy allows
    // (checked in Chromium: every operation and model opened, Authorize, try it out). No validator badge, no CDN.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private final PageFiles files;

    public ApiDocsResource() {
        files = new PageFiles(Map.of(
                PageFiles.PAGE, StaticFile.resource("org/cticache/pages/docs/index.html", StaticFile.HTML),
                "docs.js", StaticFile.resource("org/cticache/pages/docs/docs.js", StaticFile.JAVASCRIPT),
                "swagger-ui-bundle.js", webjar("swagger-ui-bundle.js", StaticFile.JAVASCRIPT),
                // The bundle's comment names this file for the licences of what it bundles.
                "swagger-ui-bundle.js.LICENSE.txt", webjar("swagger-ui-bundle.js.LICENSE.txt", StaticFile.TEXT),
                "swagger-ui.css", webjar("swagger-ui.css", StaticFile.CSS),
                "index.css", webjar("index.css", StaticFile.CSS),
                "favicon-32x32.png", webjar("favicon-32x32.png", StaticFile.PNG),
                "favicon-16x16.png", webjar("favicon-16x16.png", StaticFile.PNG)),
                CONTENT_SECURITY_POLICY, PageFiles.revalidated(false));
    }

    /** The page at /docs/; /docs is sent there, where the page's relative links resolve. */
    @GET
    public Response page(@Context UriInfo uri, @Context Request request) {
        return Redirect.endsWithSlash(uri) ? files.answer(PageFiles.PAGE, request) : Redirect.to("docs/");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file, @Context Request request) {
        return files.answer(file, request);
    }

    private static StaticFile webjar(String name, MediaType type) {
        return StaticFile.resource(SwaggerUi.file(name), type);
    }
}
