package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void passesAPlainClientIdThrough() {
        assertEquals("ivr-7.call_42:a", RequestId.from("ivr-7.call_42:a"));
        assertEquals("x".repeat(128), RequestId.from("x".repeat(128)));
        assertEquals("AZaz09._:-", RequestId.from("AZaz09._:-"));
    }

    @Test
    void generatesARandomVersion4UuidWhenTheClientSendsNone() {
        UUID id = UUID.fromString(RequestId.from(null));
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
        assertEquals(1000, Stream.generate(() -> RequestId.from(null)).limit(1000).distinct().count());
    }

    @Test
    void replacesAnIdThatIsTooLongEmptyOrNotPlain() {
        String[] bads = {"", "x".repeat(129), "a b", "a=b", "a\nb", "a\"b", "é", "/", ";", "@", "[", "`", "{"};
        for (String bad : bads) {
            String id = RequestId.from(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }
}
