package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    private static final Ani ANI = new Ani("1234567890");
    private static final CallData DATA = new CallData("\"x\"");

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertEquals(IdempotencyKey.of("k", ANI, DATA, "default", 60).fingerprint(),
                IdempotencyKey.of("k", ANI, DATA, "default", 60).fingerprint());
    }

    @Test
    void anyDifferenceInTheRequestChangesTheFingerprint() {
        String fingerprint = IdempotencyKey.of("k", ANI, DATA, "default", 60).fingerprint();
        assertNotEquals(fingerprint, IdempotencyKey.of("k", new Ani("1234567891"), DATA, "default", 60).fingerprint());
        assertNotEquals(fingerprint, IdempotencyKey.of("k", ANI, new CallData("\"y\""), "default", 60).fingerprint());
        assertNotEquals(fingerprint, IdempotencyKey.of("k", ANI, DATA, "sales", 60).fingerprint());
        assertNotEquals(fingerprint, IdempotencyKey.of("k", ANI, DATA, "default", 61).fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\t", "ünïcode"})
    void aKeyThatIsNotVisibleAsciiIsRejected(String key) {
        assertThrows(InvalidInputException.class, () -> IdempotencyKey.of(key, ANI, DATA, "default", 60));
    }

    @Test
    void aKeyOf256CharactersIsRejected() {
        assertThrows(InvalidInputException.class, () -> IdempotencyKey.of("k".repeat(256), ANI, DATA, "default", 60));
    }
}
