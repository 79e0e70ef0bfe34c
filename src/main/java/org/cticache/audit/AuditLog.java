package org.cticache.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one line per API call at INFO to the SLF4J logger {@value #LOGGER}, without call data or a whole ANI. */
// SLF4J, not java.util.logging directly: the container's logging decides where the line goes.
public final class AuditLog implements ApiCallListener {

    /** The logger name administrators route to the audit file. */
    public static final String LOGGER = "org.cticache.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public void completed(ApiCall call) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(call));
        }
    }

    /** {@code time=... request=... user=... op=... pool=... dnis=... ani=... status=... ms=...}, in that order. */
    static String line(ApiCall call) {
        return "time=" + TIME.format(call.time())
                + " request=" + call.requestId()
                + " user=" + call.user()
                + " op=" + call.operation()
                + " pool=" + call.pool()
                + " dnis=" + call.dnis()
                + " ani=" + call.ani()
                + " status=" + call.status()
                + " ms=" + tenths(call.latencyMillis());
    }

    /** One decimal, without java.util.Formatter, which costs more than the rest of the line on every call. */
    private static String tenths(double millis) {
        long tenths = Math.round(millis * 10);
        return tenths / 10 + "." + tenths % 10;
    }
}
