package org.cticache.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.cticache.metrics.Metrics;

/** For Prometheus (role cticache-monitor): every meter in the Prometheus text format, or OpenMetrics if asked. */
@Path("metrics")
public final class MetricsResource {

    private final Metrics metrics;

    MetricsResource(Metrics metrics) {
        this.metrics = metrics;
    }

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Metrics.Exposition exposition = metrics.scrape(accept);
        return Response.ok(exposition.text(), exposition.contentType()).cacheControl(CallDataAnswer.NO_STORE)
                .build();
    }
}
