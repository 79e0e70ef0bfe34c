package org.cticache.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pool status page at /status, for operators' wall screens (the roles of GET /pools): its script reads
 * GET /pools every few seconds with the browser's Basic credentials and draws each pool's utilisation against the
 * warning threshold.
 */
@Path("status")
public final class StatusPageResource {

    // Only this origin's own files and GET /pools: no inline script or style, nothing from elsewhere.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    private static final String WARN_PLACEHOLDER = "{{cticache.pool.warn}}";

    private final PageFiles files;

    /** @param poolWarnPercent cticache.pool.warn, the utilisation the page marks on every bar */
    public StatusPageResource(int poolWarnPercent) {
        String page = new String(StaticFile.read("org/cticache/pages/status/status.html"), StandardCharsets.UTF_8);
        if (!page.contains(WARN_PLACEHOLDER)) {
            throw new IllegalStateException("status.html has no " + WARN_PLACEHOLDER);
        }
        files = new PageFiles(Map.of(
                PageFiles.PAGE, StaticFile.of(page.replace(WARN_PLACEHOLDER, Integer.toString(poolWarnPercent))
                        .getBytes(StandardCharsets.UTF_8), StaticFile.HTML),
                "status.css", StaticFile.resource("org/cticache/pages/status/status.css", StaticFile.CSS),
                "status.js", StaticFile.resource("org/cticache/pages/status/status.js", StaticFile.JAVASCRIPT)),
                // Behind a login: no shared cache may keep it.
                CONTENT_SECURITY_POLICY, PageFiles.revalidated(true));
    }

    /** The page at /status; /status/ is sent there, where the page's relative links resolve. */
    @GET
    public Response page(@Context UriInfo uri, @Context Request request) {
        return Redirect.endsWithSlash(uri) ? Redirect.to("../status") : files.answer(PageFiles.PAGE, request);
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file, @Context Request request) {
        return files.answer(file, request);
    }
}
