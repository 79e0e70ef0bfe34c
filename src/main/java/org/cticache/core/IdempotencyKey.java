package org.cticache.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The client's name for one logical POST ({@code Idempotency-Key} header), and a fingerprint of what it asked
 * for, so a retry gets the original allocation and a reuse of the key for another request is caught.
 */
public record IdempotencyKey(String key, String fingerprint) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** Checks the header and fingerprints the request it came with. */
    public static IdempotencyKey of(String key, Ani ani, CallData data, String pool, int ttlSeconds) {
        return new IdempotencyKey(checked(key),
                sha256(ani.value() + "\n" + pool + "\n" + ttlSeconds + "\n" + data.json()));
    }

    /** The header's value once checked; null when there is none. */
    public static String checked(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key must be 1 to 255 visible ASCII characters without"
                    + " spaces");
        }
        return key;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
