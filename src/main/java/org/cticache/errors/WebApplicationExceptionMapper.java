package org.cticache.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers what Jersey itself refuses (unknown path, wrong method, media types) as problem details. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String path = uri.getRequestUri().getRawPath();
        String detail = switch (status) {
            case 404 -> "no resource at " + path;
            case 405 -> "method " + request.getMethod() + " is not allowed on " + path + "; allowed: "
                    + String.join(", ", original.getAllowedMethods());
            case 406 -> "this resource answers application/json, application/xml or text/xml; the Accept header"
                    + " excludes them all";
            default -> isJerseyDefault(e) ? "the request was refused by the HTTP layer" : e.getMessage();
        };
        Response.ResponseBuilder answer = Problem.response(status, detail);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    /** Jersey's own messages are only "HTTP 415 Unsupported Media Type" and the like. */
    private static boolean isJerseyDefault(WebApplicationException e) {
        return e.getMessage() == null || e.getMessage().startsWith("HTTP ");
    }
}
