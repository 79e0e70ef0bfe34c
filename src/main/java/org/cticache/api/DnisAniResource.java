package org.cticache.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.cticache.audit.AuditedCall;
import org.cticache.core.Allocation;
import org.cticache.core.Ani;
import org.cticache.core.CallTransfers;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.NumberPlan;

/** The three calls of a transfer: system X creates, system Y peeks (GET) or takes (DELETE). */
@Path(DnisAniResource.PATH)
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public final class DnisAniResource {

    static final String PATH = "DNIS-ANI";
    // A client's name for one logical POST: a retry with it gets the original allocation instead of a new DNIS.
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CallTransfers transfers;
    private final NumberPlan numbers;
    private final CreateRequestReader reader;
    private final String basePath;

    /**
     * @param basePath the path the API is served under, with a trailing '/': the context path, since web.xml maps
     *                 Jersey at /*
     */
    DnisAniResource(CallTransfers transfers, NumberPlan numbers, CreateRequestReader reader, String basePath) {
        this.transfers = transfers;
        this.numbers = numbers;
        this.reader = reader;
        this.basePath = basePath;
    }

    // Headers as parameters and the base path fixed at start-up, not @Context HttpHeaders and UriInfo: Jersey
    // looks every @Context parameter up through HK2 on every call, behind a lock 64 concurrent calls queued for.
    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @HeaderParam(HttpHeaders.ACCEPT) List<String> accept, InputStream body) {
        CreateRequest request = reader.read(contentType, declaredLength(contentLength), body);
        AuditedCall call = AuditedCall.current();
        Ani ani = call.creating(numbers.ani(request.ani()), request.pool());
        Allocation allocation = call.allocated(
                transfers.create(ani, request.value(), request.pool(), request.ttl(), idempotencyKey));
        // A path with a literal ':' and '+', as clients parse it; the base path keeps the deployed context path.
        URI location = URI.create(basePath + PATH + "/" + allocation.key());
        return CallDataAnswer.answer(Response.created(location).entity(CreatedEntry.of(allocation)), accept);
    }

    /** The body's declared length, -1 when it has none (chunked) or none that parses, as HttpHeaders#getLength. */
    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GET
    @Path("{key}")
    public Response peek(@PathParam("key") String key, @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        EntryValue value = EntryValue.of(transfers.peek(AuditedCall.current().key(numbers.key(key))));
        return CallDataAnswer.answer(Response.ok(value), accept);
    }

    @DELETE
    @Path("{key}")
    public Response take(@PathParam("key") String key, @HeaderParam(IDEMPOTENCY_KEY) String retryKey,
                         @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        EntryValue value = EntryValue.of(transfers.take(AuditedCall.current().key(numbers.key(key)),
                IdempotencyKey.checked(retryKey)));
        return CallDataAnswer.answer(Response.ok(value), accept);
    }
}
