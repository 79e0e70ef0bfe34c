package org.cticache.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Collections;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cticache.wire.Json;
import org.cticache.wire.XmlOutput;

/**
 * An RFC 9457 problem details body: every error answer of cticache is one, as JSON or, for clients that prefer
 * XML, in the RFC's XML form.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The namespace RFC 9457 (appendix B, kept from RFC 7807) gives the XML form. */
    public static final String XML_NAMESPACE = "urn:ietf:rfc:7807";

    static final String TRANSFER_ENCODING = "Transfer-Encoding";
    static final String CONNECTION = "Connection";
    static final String CLOSE = "close";

    private static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

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

    /**
     * Writes this problem as the whole response, in the format the request's Accept prefers, for servlet-level
     * code that Jersey's mappers never see.
     */
    public void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemFormat format = ProblemFormat.preferredBy(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        byte[] body = format == ProblemFormat.JSON ? toJson() : toXml();
        response.setStatus(status);
        if (hasBody(request.getContentLengthLong(), request.getHeader(TRANSFER_ENCODING))) {
            response.setHeader(CONNECTION, CLOSE);
        }
        response.setContentType(format.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether a request carries a body, which an error answer may leave unread. The answer then says
     * {@code Connection: close}: Jetty closes a connection whose request body was not read to its end, and without
     * that header it does so silently (jetty/jetty.project#2502), so a client that reuses the connection, such as a
     * VoiceXML browser posting again with credentials after a 401, would find its next request dropped.
     */
    static boolean hasBody(long contentLength, String transferEncoding) {
        return contentLength > 0 || transferEncoding != null;
    }

    byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and an int always serializes", e);
        }
    }

    /** {@code <problem xmlns="urn:ietf:rfc:7807"><type/><title/><status/><detail/></problem>}. */
    byte[] toXml() throws IOException {
        return XmlOutput.document(this::writeXml);
    }

    private void writeXml(XMLStreamWriter xml) throws XMLStreamException {
        xml.setDefaultNamespace(XML_NAMESPACE);
        xml.writeStartElement(XML_NAMESPACE, "problem");
        xml.writeDefaultNamespace(XML_NAMESPACE);
        XmlOutput.element(xml, "type", type);
        XmlOutput.element(xml, "title", title);
        XmlOutput.element(xml, "status", Integer.toString(status));
        if (detail != null) {
            XmlOutput.element(xml, "detail", detail);
        }
        xml.writeEndElement();
    }
}
