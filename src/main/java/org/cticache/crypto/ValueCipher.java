package org.cticache.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals call data with AES-256-GCM under the current key and opens what the current or the previous key sealed;
 * switched off, it passes values through and only refuses sealed ones.
 */
public final class ValueCipher {

    /** Starts every sealed value: JSON text never starts with it, nor does the store's envelope ("\0..."). */
    public static final char MARKER = '\u0001';

    /** An AES-256 key. */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_CHARS = 8;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{" + KEY_ID_CHARS + "}");
    // One generator for every nonce: a random 96-bit nonce per value is safe for far more values than a
    // contact center writes under one key (NIST SP 800-38D bounds it at 2^32).
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final Key previous;
    private final boolean plaintextReadable;

    private ValueCipher(Key current, Key previous, boolean plaintextReadable) {
        this.current = current;
        this.previous = previous;
        this.plaintextReadable = plaintextReadable;
    }

    /** Encryption off: values are stored as sent, as before this feature. */
    public static ValueCipher off() {
        return new ValueCipher(null, null, true);
    }

    /** Encrypts under this key; the bytes are copied, so the caller may wipe its array. */
    public static ValueCipher of(byte[] key) {
        return new ValueCipher(Key.of(key), null, false);
    }

    /** Also opens values sealed under the key that was current before a rotation. */
    public ValueCipher withPrevious(byte[] key) {
        Key earlier = Key.of(key);
        if (current == null || earlier.id.equals(current.id)) {
            throw new IllegalArgumentException("a previous key needs a current key that differs from it");
        }
        return new ValueCipher(current, earlier, false);
    }

    /** Also reads values stored in clear before encryption was switched on. */
    public ValueCipher readingPlaintext() {
        return new ValueCipher(current, null, true);
    }

    /** The identifier a key is known by in logs and in the stored form: never the key, nor enough to find it. */
    public static String keyId(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("cticache-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(key)).substring(0, KEY_ID_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean isOn() {
        return current != null;
    }

    /**
     * The stored form of a value: {@code MARKER <key id> ":" base64(nonce ciphertext tag)}. The context, which
     * describes the entry the value is for, is authenticated with it, so the value opens for that context only.
     */
    public String seal(String json, String context) {
        if (current == null) {
            return json;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + plain.length + TAG_BITS / 8).put(nonce);
        try {
            Cipher aes = aes(Cipher.ENCRYPT_MODE, current.aes, nonce, context);
            aes.doFinal(ByteBuffer.wrap(plain), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to encrypt", e);
        }
        return MARKER + current.id + ":" + Base64.getEncoder().encodeToString(sealed.array());
    }

    /**
     * The value a stored form holds, checked to be unaltered and sealed for this context, or for one of the
     * contexts an earlier release sealed the same entry's value for.
     */
    public String open(String stored, String context, String... earlierContexts) throws UnreadableValueException {
        if (stored.isEmpty() || stored.charAt(0) != MARKER) {
            if (plaintextReadable) {
                return stored;
            }
            throw new UnreadableValueException("it is stored in clear (written before encryption was switched on?);"
                    + " cticache.crypto.key.previous=plaintext would read it");
        }
        int colon = 1 + KEY_ID_CHARS;
        String id = stored.length() > colon && stored.charAt(colon) == ':' ? stored.substring(1, colon) : "";
        if (!KEY_ID.matcher(id).matches()) {
            throw new UnreadableValueException("its stored form is malformed (no key id)");
        }
        if (current == null) {
            throw new UnreadableValueException("it is encrypted under key id " + id + " but cticache.crypto.key is"
                    + " not set");
        }
        Key key = id.equals(current.id) ? current : previous != null && id.equals(previous.id) ? previous : null;
        if (key == null) {
            throw new UnreadableValueException("it is encrypted under key id " + id + ", which is neither the current"
                    + " key (" + current.id + ") nor cticache.crypto.key.previous");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableValueException("its stored form under key id " + id + " is malformed (not base64)");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableValueException("its stored form under key id " + id + " is too short");
        }
        // The stored form does not say which context it was sealed for: GCM tells, the tag verifies for one only.
        for (String candidate : Stream.concat(Stream.of(context), Stream.of(earlierContexts)).toList()) {
            try {
                Cipher aes = aes(Cipher.DECRYPT_MODE, key.aes, Arrays.copyOf(sealed, NONCE_BYTES), candidate);
                return new String(aes.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                        StandardCharsets.UTF_8);
            } catch (AEADBadTagException e) {
                // Not sealed for this context: try the next.
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM failed to decrypt", e);
            }
        }
        throw new UnreadableValueException("authentication under key id " + id + " failed: the stored bytes were"
                + " altered, or were sealed for another entry");
    }

    /**
     * The idempotency fingerprint to store: an HMAC under a key derived from the current key, because a plain
     * hash over a low-entropy value (an account number) could be reversed by trying every candidate.
     */
    public String fingerprint(String plainFingerprint) {
        return current == null ? plainFingerprint : current.fingerprint(plainFingerprint);
    }

    /** The fingerprint a request got before the last rotation or before encryption was switched on, if readable. */
    public Optional<String> earlierFingerprint(String plainFingerprint) {
        if (current == null) {
            return Optional.empty();
        }
        if (previous != null) {
            return Optional.of(previous.fingerprint(plainFingerprint));
        }
        return plaintextReadable ? Optional.of(plainFingerprint) : Optional.empty();
    }

    /** For the start-up log: on or off and the key ids, never a key. */
    @Override
    public String toString() {
        if (current == null) {
            return "stored in clear (set cticache.crypto.key to encrypt them)";
        }
        return "encrypted with AES-256-GCM under key id " + current.id + (previous != null
                ? ", entries under previous key id " + previous.id + " still readable"
                : plaintextReadable ? ", entries stored in clear still readable" : "");
    }

    private static Cipher aes(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        aes.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return aes;
    }

    /**
     * A configured key: its id, and two keys derived from it with HKDF-Expand (RFC 5869; the configured key is
     * already uniformly random, so it serves as the pseudorandom key), one per purpose.
     */
    private record Key(String id, SecretKey aes, SecretKey fingerprints) {

        static Key of(byte[] key) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
            }
            return new Key(keyId(key), new SecretKeySpec(expand(key, "cticache value encryption"), "AES"),
                    new SecretKeySpec(expand(key, "cticache idempotency fingerprint"), "HmacSHA256"));
        }

        String fingerprint(String plainFingerprint) {
            return HexFormat.of().formatHex(hmac(fingerprints, plainFingerprint.getBytes(StandardCharsets.UTF_8)));
        }

        private static byte[] expand(byte[] key, String info) {
            byte[] input = Arrays.copyOf(info.getBytes(StandardCharsets.US_ASCII), info.length() + 1);
            input[info.length()] = 1;
            return hmac(new SecretKeySpec(key, "HmacSHA256"), input);
        }

        private static byte[] hmac(SecretKey key, byte[] input) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }

        @Override
        public String toString() {
            return "key id " + id;
        }
    }
}
