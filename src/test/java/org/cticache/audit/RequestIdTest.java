package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void passesAPlainClientIdThrough() {
        assertEquals("ivr-7.call_42:a", RequestId.from("ivr-7.call_42:a"));
        assertEquals("x".repeat(128), RequestId.from("x".repeat(128)));
    }

    @Test
    void generatesAUuidWhenTheClientSendsNone() {
        UUID.fromString(RequestId.from(null));
        assertNotEquals(RequestId.from(null), RequestId.from(null));
    }

    @Test
    void replacesAnIdThatIsTooLongEmptyOrNotPlain() {
        for (String bad : new String[] {"", "x".repeat(129), "a b", "a=b", "a\nb", "a\"b", "é"}) {
            String id = RequestId.from(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }
}
