package org.cticache.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id of a call: the client's X-Request-Id when it is short and plain, else a fresh UUID. */
final class RequestId {

    // Plain enough to write into a log line and a problem detail as is: no spaces, quotes, '=' or line breaks.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** The client's id if it is 1 to 128 letters, digits, '.', '_', ':' or '-'; otherwise a new one. */
    static String from(String header) {
        return header != null && SAFE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
