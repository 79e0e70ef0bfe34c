package org.cticache.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an instant as {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, formatting the date and time once per second: a
 * DateTimeFormatter on every line cost the audit writer more than the rest of the line.
 */
final class AuditTime {

    private static final DateTimeFormatter TO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.")
            .withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, String text) {
    }

    // Immutable and replaced whole, so the writer thread and a request thread writing after close never mix halves.
    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private AuditTime() {
    }

    static void append(StringBuilder line, Instant time) {
        Second second = last;
        if (second.epochSecond() != time.getEpochSecond()) {
            second = new Second(time.getEpochSecond(), TO_SECONDS.format(time));
            last = second;
        }
        int millis = time.getNano() / 1_000_000;
        line.append(second.text());
        if (millis < 100) {
            line.append(millis < 10 ? "00" : "0");
        }
        line.append(millis).append('Z');
    }
}
