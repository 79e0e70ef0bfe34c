package org.cticache.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request id of a call: the client's X-Request-Id when it is short and plain, else a fresh UUID. */
final class RequestId {

    private static final int MAX_LENGTH = 128;

    private RequestId() {
    }

    /** The client's id if it is 1 to 128 letters, digits, '.', '_', ':' or '-'; otherwise a new one. */
    static String from(String header) {
        // Plain enough to write into a log line and a problem detail as is: no spaces, quotes, '=' or line breaks.
        return header != null && PlainText.is(header, MAX_LENGTH, "._:-") ? header : fresh();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id needs to be unique, not unguessable, and
     * UUID.randomUUID() would make every request queue for the one shared SecureRandom.
     */
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
