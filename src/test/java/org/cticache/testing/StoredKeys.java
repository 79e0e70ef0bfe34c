package org.cticache.testing;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Where the tests find an ANI's entries in Redis: {@code cticache:{b<bucket>}:<ani>:<dnis>}, the bucket a CRC-32
 * of the ANI modulo 64. Written out here rather than borrowed from the store, so a change of the layout, which
 * would orphan every live entry of a running deployment, fails the tests that pin it.
 */
public final class StoredKeys {

    private StoredKeys() {
    }

    /** The start of every entry key of the ANI under the default prefix; append a DNIS or {@code *}. */
    public static String of(String ani) {
        return "cticache:{b" + bucket(ani) + "}:" + ani + ":";
    }

    /** The ANI's bucket, 0 to 63, whatever the prefix. */
    public static long bucket(String ani) {
        CRC32 crc = new CRC32();
        crc.update(ani.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 64;
    }
}
