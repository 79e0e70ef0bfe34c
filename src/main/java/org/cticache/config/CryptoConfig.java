package org.cticache.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cticache.crypto.ValueCipher;

/**
 * The encryption-at-rest settings. Their values are secrets: no message ever repeats one, and they have no
 * default.
 */
final class CryptoConfig {

    static final String KEY = "cticache.crypto.key";
    static final String PREVIOUS = "cticache.crypto.key.previous";
    static final List<String> NAMES = List.of(KEY, PREVIOUS);

    private static final String FILE = "file:";
    private static final int KEY_FILE_MAX = 4096;
    private static final String PLAINTEXT = "plaintext";
    private static final String EXPECTED = "expected base64 of exactly " + ValueCipher.KEY_BYTES + " random bytes"
            + " (openssl rand -base64 " + ValueCipher.KEY_BYTES + "), or file:<path> of a file holding that";

    private CryptoConfig() {
    }

    static ValueCipher load(Settings settings, SettingReader read) {
        Optional<String> previous = settings.get(PREVIOUS);
        if (settings.get(KEY).isEmpty()) {
            if (previous.isPresent()) {
                throw read.invalidSecret(PREVIOUS, "it is set but " + KEY + " is not; to switch encryption on, set "
                        + KEY + " (and " + PREVIOUS + "=" + PLAINTEXT + " to keep reading entries stored in clear)");
            }
            return ValueCipher.off();
        }
        byte[] key = key(settings, read, KEY);
        try {
            ValueCipher cipher = ValueCipher.of(key);
            if (previous.isEmpty()) {
                return cipher;
            }
            if (previous.get().strip().toLowerCase(Locale.ROOT).equals(PLAINTEXT)) {
                return cipher.readingPlaintext();
            }
            byte[] earlier = key(settings, read, PREVIOUS);
            try {
                if (Arrays.equals(key, earlier)) {
                    throw read.invalidSecret(PREVIOUS, "it is the same key as " + KEY + "; it must be the key that"
                            + " was current before the rotation, or " + PLAINTEXT);
                }
                return cipher.withPrevious(earlier);
            } finally {
                Arrays.fill(earlier, (byte) 0);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A key file's text, read only up to a size no key file reaches, so a wrong path cannot exhaust memory. */
    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(KEY_FILE_MAX), StandardCharsets.ISO_8859_1);
        }
    }

    /** The key a setting gives, inline or in a file; only the file's path ever appears in a message. */
    private static byte[] key(Settings settings, SettingReader read, String name) {
        String value = settings.get(name).orElseThrow().strip();
        if (value.isEmpty()) {
            throw read.invalidSecret(name, "it is empty; " + EXPECTED);
        }
        String source = "it";
        if (value.startsWith(FILE)) {
            String file = value.substring(FILE.length()).strip();
            source = "the key file " + file;
            try {
                value = read(Path.of(file)).strip();
            } catch (IOException | InvalidPathException | SecurityException e) {
                throw read.invalidSecret(name, "cannot read the key file " + file + " ("
                        + e.getClass().getSimpleName() + "); " + EXPECTED);
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character, which is key material.
            throw read.invalidSecret(name, source + " is not base64; " + EXPECTED);
        }
        if (key.length != ValueCipher.KEY_BYTES) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw read.invalidSecret(name, source + " decodes to " + length + " bytes; " + EXPECTED);
        }
        return key;
    }
}
