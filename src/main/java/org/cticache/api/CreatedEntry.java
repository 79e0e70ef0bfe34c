package org.cticache.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.cticache.core.Allocation;

/** The answer to a create: where to transfer the call, and what was stored for how long. */
record CreatedEntry(String dnis, String ani, @JsonRawValue String value, String pool, int ttl) implements JsonAnswer {

    static CreatedEntry of(Allocation allocation) {
        return new CreatedEntry(allocation.key().dnis().value(), allocation.key().ani().value(),
                allocation.data().json(), allocation.pool(), allocation.ttlSeconds());
    }

    /** The value is JSON text already, written as it was stored. */
    @Override
    public void writeFields(JsonGenerator json) throws IOException {
        json.writeStringField("dnis", dnis);
        json.writeStringField("ani", ani);
        json.writeFieldName("value");
        json.writeRawValue(value);
        json.writeStringField("pool", pool);
        json.writeNumberField("ttl", ttl);
    }
}
