package org.cticache.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cticache.core.PoolStatus;

/** For operators (role cticache-monitor): each pool's size, live entries, utilisation, exhaustions, no-shows. */
@Path("pools")
@Produces(MediaType.APPLICATION_JSON)
public final class PoolsResource {

    private final PoolStatus status;

    PoolsResource(PoolStatus status) {
        this.status = status;
    }

    @GET
    public Response pools() {
        return Response.ok(PoolsView.of(status.count())).cacheControl(CallDataAnswer.NO_STORE).build();
    }
}
