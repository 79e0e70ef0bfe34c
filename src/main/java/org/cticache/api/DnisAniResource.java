package org.cticache.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import org.cticache.audit.AuditedCall;
import org.cticache.core.Allocation;
import org.cticache.core.Ani;
import org.cticache.core.CallTransfers;
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

    DnisAniResource(CallTransfers transfers, NumberPlan numbers, CreateRequestReader reader) {
        this.transfers = transfers;
        this.numbers = numbers;
        this.reader = reader;
    }

    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest http,
                           InputStream body) {
        CreateRequest request = reader.read(contentType, headers.getLength(), body);
        Ani ani = AuditedCall.of(http).creating(numbers.ani(request.ani()), request.pool());
        Allocation allocation = AuditedCall.of(http).allocated(
                transfers.create(ani, request.value(), request.pool(), request.ttl(), idempotencyKey));
        // A path with a literal ':' and '+', as clients parse it; the base path keeps the deployed context path.
        URI location = URI.create(uri.getBaseUri().getRawPath() + PATH + "/" + allocation.key());
        return Response.created(location).entity(CreatedEntry.of(allocation)).build();
    }

    @GET
    @Path("{key}")
    public EntryValue peek(@PathParam("key") String key, @Context HttpServletRequest http) {
        return EntryValue.of(transfers.peek(AuditedCall.of(http).key(numbers.key(key))));
    }

    @DELETE
    @Path("{key}")
    public EntryValue take(@PathParam("key") String key, @Context HttpServletRequest http) {
        return EntryValue.of(transfers.take(AuditedCall.of(http).key(numbers.key(key))));
    }
}
