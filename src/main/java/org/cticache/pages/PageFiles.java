package org.cticache.pages;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The files of one page, by name: nothing outside this list is ever served, so no name a client sends can reach
 * another file. Each answer carries the page's Content-Security-Policy and the headers every page gets, and an
 * entity tag so that a browser revalidates its copy with a 304 instead of loading it again.
 */
final class PageFiles {

    /** The name of the page itself among its files: the path of the page, without a file name. */
    static final String PAGE = "";

    private final Map<String, StaticFile> files;
    private final String contentSecurityPolicy;
    private final CacheControl cacheControl;

    /**
     * @param contentSecurityPolicy what the page's HTML and scripts may load and from where
     * @param cacheControl          how caches on the way and the browser may keep the files
     */
    PageFiles(Map<String, StaticFile> files, String contentSecurityPolicy, CacheControl cacheControl) {
        this.files = Map.copyOf(files);
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.cacheControl = cacheControl;
    }

    /** The file, or 304 when the request's If-None-Match has it already; 404 (problem details) for any other name. */
    Response answer(String name, Request request) {
        StaticFile file = files.get(name);
        if (file == null) {
            throw new NotFoundException();
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(file.tag());
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(file.content(), file.type());
        return answer.tag(file.tag())
                .cacheControl(cacheControl)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /**
     * Revalidated on every use ({@code no-cache}): the file names do not change with their content, so a copy kept
     * without asking could mix an old script with a new page after an upgrade; the 304 costs one small request.
     */
    static CacheControl revalidated(boolean personal) {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setPrivate(personal);
        return cache;
    }
}
