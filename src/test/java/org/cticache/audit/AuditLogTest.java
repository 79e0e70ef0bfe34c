package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void writesOneLineOfKeyValuePairsWithLatencyToATenthOfAMillisecond() {
        ApiCall call = new ApiCall(Instant.parse("2026-11-26T10:15:30Z"), "r-1", "ivr-x", "create", "sales",
                "5551234568", "******7890", 201, 2.66);

        assertEquals("time=2026-11-26T10:15:30.000Z request=r-1 user=ivr-x op=create pool=sales dnis=5551234568"
                + " ani=******7890 status=201 ms=2.7", AuditLog.line(call));
    }
}
