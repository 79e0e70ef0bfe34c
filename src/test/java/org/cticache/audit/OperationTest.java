package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void namesTheThreeCallsOfATransfer() {
        assertEquals("create", Operation.of("POST", "/DNIS-ANI"));
        assertEquals("peek", Operation.of("GET", "/DNIS-ANI/5551234500:1234567890"));
        assertEquals("peek", Operation.of("HEAD", "/DNIS-ANI/5551234500:1234567890"));
        assertEquals("take", Operation.of("DELETE", "/DNIS-ANI/5551234500:1234567890"));
    }

    @Test
    void namesTheCallsByDnisAlone() {
        assertEquals("peek-dnis", Operation.of("GET", "/DNIS/5551234500"));
        assertEquals("take-dnis", Operation.of("DELETE", "/DNIS/5551234500"));
    }

    @Test
    void namesTheServiceEndpoints() {
        assertEquals("health", Operation.of("GET", "/health"));
        assertEquals("metrics", Operation.of("GET", "/metrics"));
        assertEquals("pools", Operation.of("GET", "/pools"));
        assertEquals("openapi", Operation.of("GET", "/openapi.json"));
    }

    @Test
    void callsEverythingElseUnknown() {
        assertEquals("unknown", Operation.of("PUT", "/DNIS-ANI/5551234500:1234567890"));
        assertEquals("unknown", Operation.of("GET", "/DNIS-ANI"));
        assertEquals("unknown", Operation.of("GET", "/DNIS-ANI/"));
        assertEquals("unknown", Operation.of("GET", "/DNIS-ANI/a/b"));
        assertEquals("unknown", Operation.of("POST", "/health"));
        assertEquals("unknown", Operation.of("GET", "/nosuch"));
        assertEquals("unknown", Operation.of("GET", "/error"));
    }
}
