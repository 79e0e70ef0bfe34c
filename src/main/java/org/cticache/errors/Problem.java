package org.cticache.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** An RFC 9457 problem details body: every error answer of cticache is one. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    // Buffers from a shared pool, not thread-locals that would outlive an undeploy in the container's threads.
    private static final JsonMapper JSON = JsonMapper.builder(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build()).build();

    /** The challenge of web.xml's BASIC login; the contract fixes the realm name. */
    public static final String CHALLENGE = "Basic realm=\"cticache\"";

    /** The 401 answer, whoever gives it: the container's error page or the method security filter. */
    public static Problem authenticationRequired() {
        return of(401, "authentication required: send HTTP Basic credentials of a user of realm 'cticache'");
    }

    /** The 403 for an API call over plain HTTP while cticache.tls.required is on. */
    public static Problem httpsRequired() {
        return of(403, "this service takes API calls over HTTPS only (cticache.tls.required): Basic credentials"
                + " must not cross the network in clear text");
    }

    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase()
                : status == 422 ? "Unprocessable Content" : "HTTP " + status;
        return new Problem("about:blank", title, status, detail);
    }

    /** A response builder with this problem as its body, so a caller can still add headers. */
    static Response.ResponseBuilder response(int status, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(of(status, detail));
    }

    /** Writes this problem as the whole response, for servlet-level code that Jersey's mappers never see. */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] body = toJson();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and an int always serializes", e);
        }
    }
}
