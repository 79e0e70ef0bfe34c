package org.cticache.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** What a load balancer reads: up or down, nothing more. */
record HealthStatus(String status) implements JsonAnswer {

    static final HealthStatus UP = new HealthStatus("UP");
    static final HealthStatus DOWN = new HealthStatus("DOWN");

    @Override
    public void writeFields(JsonGenerator json) throws IOException {
        json.writeStringField("status", status);
    }
}
