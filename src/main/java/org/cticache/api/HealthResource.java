package org.cticache.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cticache.core.CallTransfers;

/** The open endpoint for load balancers: 200 while Redis answers, 503 while it does not. */
@Path("health")
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public final class HealthResource {

    private final CallTransfers transfers;

    HealthResource(CallTransfers transfers) {
        this.transfers = transfers;
    }

    @GET
    public Response health() {
        boolean up = transfers.isStoreUp();
        // The live state of the service, never to be served from a cache; the monitoring resources' answers too.
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(up ? HealthStatus.UP : HealthStatus.DOWN)
                .cacheControl(CallDataAnswer.NO_STORE)
                .build();
    }
}
