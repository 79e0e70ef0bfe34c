package org.cticache.pages;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Sends a browser to the one spelling of a page's path under which its relative links resolve. */
final class Redirect {

    private Redirect() {
    }

    /** Whether the request's path ends with a slash (matrix parameters aside). */
    static boolean endsWithSlash(UriInfo uri) {
        return uri.getPathSegments().get(uri.getPathSegments().size() - 1).getPath().isEmpty();
    }

    /**
     * 302 to a location relative to the request's path, so that it holds under any context path and behind a proxy
     * that maps the path (the application leaves relative locations as they are).
     */
    static Response to(String relative) {
        return Response.status(Response.Status.FOUND).location(URI.create(relative)).build();
    }
}
