package org.cticache.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cticache.audit.AuditedCall;
import org.cticache.core.CallTransfers;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.NumberPlan;

/**
 * Peek and take by the DNIS alone, for pools matched by DNIS (cticache.match=dnis), where the network may have
 * rewritten the caller's number on the way to system Y.
 */
@Path("DNIS")
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public final class DnisResource {

    private final CallTransfers transfers;
    private final NumberPlan numbers;

    DnisResource(CallTransfers transfers, NumberPlan numbers) {
        this.transfers = transfers;
        this.numbers = numbers;
    }

    @GET
    @Path("{dnis}")
    public Response peek(@PathParam("dnis") String dnis, @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        EntryValue value = EntryValue.of(transfers.peek(AuditedCall.current().dnis(numbers.dnis(dnis))));
        return CallDataAnswer.answer(Response.ok(value), accept);
    }

    @DELETE
    @Path("{dnis}")
    public Response take(@PathParam("dnis") String dnis,
                         @HeaderParam(DnisAniResource.IDEMPOTENCY_KEY) String retryKey,
                         @HeaderParam(HttpHeaders.ACCEPT) List<String> accept) {
        EntryValue value = EntryValue.of(transfers.take(AuditedCall.current().dnis(numbers.dnis(dnis)),
                IdempotencyKey.checked(retryKey)));
        return CallDataAnswer.answer(Response.ok(value), accept);
    }
}
