package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cticache.crypto.ValueCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoConfigTest {

    private static final String KEY = "cticache.crypto.key";
    private static final String PREVIOUS = "cticache.crypto.key.previous";
    private static final byte[] KEY_A = filled(7);
    private static final byte[] KEY_B = filled(9);
    private static final String A = Base64.getEncoder().encodeToString(KEY_A);
    private static final String B = Base64.getEncoder().encodeToString(KEY_B);

    @TempDir
    Path directory;

    private static byte[] filled(int value) {
        byte[] key = new byte[ValueCipher.KEY_BYTES];
        Arrays.fill(key, (byte) value);
        return key;
    }

    private static ValueCipher cipher(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CtiCacheConfig.DNIS_POOL, "5551234500");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CtiCacheConfig.load(new Settings(Map.of(), Map.of(), parameters)).cipher();
    }

    /** The failure, checked to name the setting and to repeat none of the given secrets. */
    private static String failure(String setting, String[] secrets, String... namesAndValues) {
        String message = assertThrows(ConfigException.class, () -> cipher(namesAndValues)).getMessage();
        assertTrue(message.contains("Setting " + setting + " "), message);
        for (String secret : secrets) {
            assertFalse(message.contains(secret), () -> "'" + message + "' repeats key material");
        }
        return message;
    }

    @Test
    void withoutAKeyValuesAreStoredAsSent() {
        ValueCipher cipher = cipher();
        assertFalse(cipher.isOn());
        assertEquals("\"12345678\"", cipher.seal("\"12345678\"", "ani:1"));
    }

    @Test
    void aBase64KeyOf32BytesSwitchesEncryptionOnUnderItsKeyId() {
        ValueCipher cipher = cipher(KEY, " " + A + "\n");
        assertTrue(cipher.isOn());
        assertTrue(cipher.seal("1", "ani:1").startsWith("\u0001" + ValueCipher.keyId(KEY_A) + ":"));
        assertFalse(cipher.toString().contains(A), cipher.toString());
    }

    @Test
    void aKeyFileIsReadAndTrimmed() throws IOException {
        Path file = Files.writeString(directory.resolve("cticache.key"), A + "\n");
        ValueCipher cipher = cipher(KEY, "file:" + file);
        assertTrue(cipher.seal("1", "ani:1").startsWith("\u0001" + ValueCipher.keyId(KEY_A) + ":"));
    }

    @Test
    void anUnreadableKeyFileFailsNamingTheSettingAndThePath() {
        Path missing = directory.resolve("missing.key");
        String message = failure(KEY, new String[0], KEY, "file:" + missing);
        assertTrue(message.contains(missing.toString()), message);
    }

    @Test
    void aKeyFileWithAWrongKeyFailsWithoutRepeatingIt() throws IOException {
        String shortKey = Base64.getEncoder().encodeToString(filled(3)).substring(0, 24);
        Path file = Files.writeString(directory.resolve("short.key"), shortKey);
        String message = failure(KEY, new String[] {shortKey}, KEY, "file:" + file);
        assertTrue(message.contains("key file"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2VjcmV0LWtleS1tYXRlcmlhbA==", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "not-base64-secret!"})
    void aKeyThatIsNot32BytesOfBase64FailsWithoutRepeatingIt(String value) {
        // "secret" is also what the first one decodes to.
        String message = failure(KEY, new String[] {value, "secret"}, KEY, value);
        assertTrue(message.contains("openssl rand -base64 32"), message);
    }

    @Test
    void anEmptyKeyFailsRatherThanSwitchingEncryptionOff() {
        assertTrue(failure(KEY, new String[0], KEY, "  ").contains("empty"));
    }

    @Test
    void thePreviousKeyKeepsValuesOfTheRotatedKeyReadable() throws Exception {
        String stored = cipher(KEY, A).seal("\"12345678\"", "ani:1");
        assertEquals("\"12345678\"", cipher(KEY, B, PREVIOUS, A).open(stored, "ani:1"));
    }

    @Test
    void plaintextAsThePreviousKeyKeepsEntriesStoredInClearReadable() throws Exception {
        assertEquals("\"12345678\"", cipher(KEY, A, PREVIOUS, "plaintext").open("\"12345678\"", "ani:1"));
    }

    @Test
    void aPreviousKeyWithoutAKeyFails() {
        failure(PREVIOUS, new String[] {A}, PREVIOUS, A);
    }

    @Test
    void aPreviousKeyEqualToTheKeyFails() {
        String message = failure(PREVIOUS, new String[] {A}, KEY, A, PREVIOUS, A);
        assertTrue(message.contains("same key"), message);
    }

    @Test
    void aBadPreviousKeyFailsNamingThePreviousSettingWithoutRepeatingEitherKey() {
        failure(PREVIOUS, new String[] {A, "tooShort"}, KEY, A, PREVIOUS, "tooShort");
    }

    @Test
    void theKeySettingsAreKnownNamesAndHaveNoDefault() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_CRYPTO_KEY", A, "CTICACHE_CRYPTO_KEY_PREVIOUS",
                B), Map.of(KEY, A, PREVIOUS, B));
        assertEquals(Set.of(), CtiCacheConfig.unknownNames(settings));
        assertFalse(CtiCacheConfig.DEFAULTS.containsKey(KEY) || CtiCacheConfig.DEFAULTS.containsKey(PREVIOUS));
    }
}
