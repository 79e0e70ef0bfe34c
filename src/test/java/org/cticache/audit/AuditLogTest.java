package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLogTest {

    @Test
    void writesOneLineOfKeyValuePairsWithLatencyToATenthOfAMillisecond() {
        ApiCall call = new ApiCall(Instant.parse("2026-11-26T10:15:30Z"), "r-1", "ivr-x", "create", "sales",
                "5551234568", "******7890", 201, 2.66);

        assertEquals("time=2026-11-26T10:15:30.000Z request=r-1 user=ivr-x op=create pool=sales dnis=5551234568"
                + " ani=******7890 status=201 ms=2.7", AuditLog.line(call));
    }

    @ParameterizedTest
    @CsvSource({"0.04, 0.0", "0.05, 0.1", "9.96, 10.0", "1234.5, 1234.5", "0, 0.0"})
    void latencyIsRoundedToOneDecimal(double millis, String written) {
        ApiCall call = new ApiCall(Instant.EPOCH, "r", "-", "peek", "-", "-", "-", 200, millis);
        assertEquals(written, AuditLog.line(call).substring(AuditLog.line(call).indexOf("ms=") + 3));
    }
}
