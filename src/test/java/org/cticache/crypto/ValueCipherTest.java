package org.cticache.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueCipherTest {

    static final byte[] KEY_A = key(1);
    static final byte[] KEY_B = key(2);
    private static final String CONTEXT = "ani:9123456789";
    private static final String VALUE = "{\"account\":\"12345678\",\"verified\":true,\"note\":\"Grüße \\u00e9\"}";

    static byte[] key(int fill) {
        byte[] key = new byte[ValueCipher.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static String reason(ValueCipher cipher, String stored, String context) {
        return assertThrows(UnreadableValueException.class, () -> cipher.open(stored, context)).getMessage();
    }

    /** The stored form with one bit of its ciphertext flipped. */
    static String tampered(String stored) {
        int colon = stored.indexOf(':');
        byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        sealed[sealed.length / 2] ^= 1;
        return stored.substring(0, colon + 1) + Base64.getEncoder().encodeToString(sealed);
    }

    @Test
    void aSealedValueOpensToExactlyTheSameText() throws Exception {
        ValueCipher cipher = ValueCipher.of(KEY_A);
        assertEquals(VALUE, cipher.open(cipher.seal(VALUE, CONTEXT), CONTEXT));
    }

    @Test
    void theStoredFormIsTheMarkerTheKeyIdAndBase64WithoutThePlaintext() {
        String stored = ValueCipher.of(KEY_A).seal(VALUE, CONTEXT);

        assertTrue(stored.matches("\u0001" + ValueCipher.keyId(KEY_A) + ":[A-Za-z0-9+/]+=*"), stored);
        assertFalse(stored.contains("12345678"), stored);
        // nonce (12) + ciphertext + tag (16)
        assertEquals(12 + VALUE.getBytes(StandardCharsets.UTF_8).length + 16,
                Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1)).length);
    }

    @Test
    void everySealUsesAFreshNonce() {
        ValueCipher cipher = ValueCipher.of(KEY_A);
        assertNotEquals(cipher.seal(VALUE, CONTEXT), cipher.seal(VALUE, CONTEXT));
    }

    @Test
    void theKeyIdIsStableShortAndNotTheKey() {
        assertEquals(ValueCipher.keyId(KEY_A), ValueCipher.keyId(key(1)));
        assertNotEquals(ValueCipher.keyId(KEY_A), ValueCipher.keyId(KEY_B));
        assertTrue(ValueCipher.keyId(KEY_A).matches("[0-9a-f]{8}"));
        assertFalse(ValueCipher.of(KEY_A).toString().contains(Base64.getEncoder().encodeToString(KEY_A)));
    }

    @Test
    void aTamperedCiphertextIsRefusedNamingTheKeyId() {
        ValueCipher cipher = ValueCipher.of(KEY_A);
        String reason = reason(cipher, tampered(cipher.seal(VALUE, CONTEXT)), CONTEXT);
        assertTrue(reason.contains("authentication") && reason.contains(ValueCipher.keyId(KEY_A)), reason);
    }

    @Test
    void aValueSealedForAnotherCallerDoesNotOpen() {
        ValueCipher cipher = ValueCipher.of(KEY_A);
        assertTrue(reason(cipher, cipher.seal(VALUE, CONTEXT), "ani:9000000000").contains("another entry"));
    }

    @Test
    void aValueUnderThePreviousKeyOpensDuringARotation() throws Exception {
        String stored = ValueCipher.of(KEY_A).seal(VALUE, CONTEXT);
        ValueCipher rotated = ValueCipher.of(KEY_B).withPrevious(KEY_A);

        assertEquals(VALUE, rotated.open(stored, CONTEXT));
        assertTrue(rotated.seal(VALUE, CONTEXT).startsWith("\u0001" + ValueCipher.keyId(KEY_B) + ":"));
    }

    @Test
    void aValueUnderAnUnknownKeyIsRefusedNamingItsKeyId() {
        String stored = ValueCipher.of(KEY_A).seal(VALUE, CONTEXT);
        String reason = reason(ValueCipher.of(KEY_B), stored, CONTEXT);
        assertTrue(reason.contains(ValueCipher.keyId(KEY_A)) && reason.contains("neither"), reason);
    }

    @Test
    void aValueStoredInClearIsRefusedUnlessPlaintextIsReadable() throws Exception {
        assertTrue(reason(ValueCipher.of(KEY_A), VALUE, CONTEXT).contains("in clear"));
        assertEquals(VALUE, ValueCipher.of(KEY_A).readingPlaintext().open(VALUE, CONTEXT));
    }

    @Test
    void malformedStoredFormsAreRefusedWithoutQuotingThem() {
        ValueCipher cipher = ValueCipher.of(KEY_A);
        String id = ValueCipher.keyId(KEY_A);
        for (String stored : new String[] {"\u0001", "\u0001zz:AAAA", "\u0001" + id + ":not base64!",
                "\u0001" + id + ":AAAA", "\u0001" + id + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            String reason = reason(cipher, stored, CONTEXT);
            assertFalse(reason.contains("AAAA") || reason.contains("base64!"), reason);
        }
    }

    @Test
    void switchedOffItStoresAsSentButRefusesEncryptedValues() throws Exception {
        ValueCipher off = ValueCipher.off();
        assertEquals(VALUE, off.seal(VALUE, CONTEXT));
        assertEquals(VALUE, off.open(VALUE, CONTEXT));
        String reason = reason(off, ValueCipher.of(KEY_A).seal(VALUE, CONTEXT), CONTEXT);
        assertTrue(reason.contains("cticache.crypto.key is not set"), reason);
    }

    @Test
    void fingerprintsAreKeyedAndTheEarlierOneFollowsTheRotation() {
        String plain = "ab".repeat(32);
        ValueCipher a = ValueCipher.of(KEY_A);
        ValueCipher rotated = ValueCipher.of(KEY_B).withPrevious(KEY_A);

        assertTrue(a.fingerprint(plain).matches("[0-9a-f]{64}"));
        assertNotEquals(plain, a.fingerprint(plain));
        assertNotEquals(a.fingerprint(plain), rotated.fingerprint(plain));
        assertEquals(Optional.of(a.fingerprint(plain)), rotated.earlierFingerprint(plain));
        assertEquals(Optional.empty(), a.earlierFingerprint(plain));
        assertEquals(Optional.of(plain), a.readingPlaintext().earlierFingerprint(plain));
        assertEquals(plain, ValueCipher.off().fingerprint(plain));
    }

    @Test
    void thePreviousKeyMustDifferFromTheCurrentOne() {
        assertThrows(IllegalArgumentException.class, () -> ValueCipher.of(KEY_A).withPrevious(key(1)));
    }
}
