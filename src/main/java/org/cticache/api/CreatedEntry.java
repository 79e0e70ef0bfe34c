package org.cticache.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.cticache.core.Allocation;

/** The answer to a create: where to transfer the call, and what was stored for how long. */
record CreatedEntry(String dnis, String ani, @JsonRawValue String value, String pool, int ttl) {

    static CreatedEntry of(Allocation allocation) {
        return new CreatedEntry(allocation.key().dnis().value(), allocation.key().ani().value(),
                allocation.data().json(), allocation.pool(), allocation.ttlSeconds());
    }
}
