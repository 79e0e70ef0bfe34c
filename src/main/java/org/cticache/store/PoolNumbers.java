package org.cticache.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;

/**
 * A pool's numbers as allocate.lua reads them from Redis: one string, each number padded with spaces to the
 * same width, so the script finds the DNIS at a position with one GETRANGE and a POST never sends the pool. The
 * version names the numbers in their order (and how the pool is matched): a pool that changes between
 * deployments gets a new version, and the holdings recorded under the old one drain by themselves.
 */
final class PoolNumbers {

    private final DnisPool pool;
    private final String version;
    private final int width;

    PoolNumbers(DnisPool pool) {
        this.pool = pool;
        List<Dnis> numbers = pool.numbers();
        int widest = 0;
        StringBuilder listing = new StringBuilder(pool.isMatchedByDnis() ? "dnis" : "dnis-ani");
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i).value();
            widest = Math.max(widest, number.length());
            listing.append(',').append(number);
        }
        this.width = widest;
        this.version = HexFormat.of().formatHex(sha256(listing.toString()), 0, 2);
    }

    DnisPool pool() {
        return pool;
    }

    /** Four hexadecimal characters: the start of the SHA-256 of the numbers in order. */
    String version() {
        return version;
    }

    int width() {
        return width;
    }

    /** The string stored in Redis. */
    String encoded() {
        StringBuilder encoded = new StringBuilder(pool.size() * width);
        for (Dnis dnis : pool.numbers()) {
            encoded.append(dnis.value());
            encoded.append(" ".repeat(width - dnis.value().length()));
        }
        return encoded.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
