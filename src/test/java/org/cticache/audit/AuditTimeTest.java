package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditTimeTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "2026-11-26T10:15:30Z, 2026-11-26T10:15:30.000Z",
        "2026-11-26T10:15:30.007Z, 2026-11-26T10:15:30.007Z",
        "2026-11-26T10:15:30.045999Z, 2026-11-26T10:15:30.045Z",
        "2026-11-26T10:15:30.999999999Z, 2026-11-26T10:15:30.999Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z"})
    void writesMillisecondsInUtc(String instant, String written) {
        assertEquals(written, format(Instant.parse(instant)));
    }

    @Test
    void agreesWithDateTimeFormatterWhetherTheSecondChangesOrNot() {
        SplittableRandom random = new SplittableRandom(7);
        Instant time = Instant.parse("2026-11-26T23:59:58Z");
        for (int i = 0; i < 10_000; i++) {
            time = time.plusNanos(random.nextLong(5_000_000L)).plusSeconds(random.nextInt(100) == 0 ? 86_400 : 0);
            assertEquals(REFERENCE.format(time), format(time));
        }
    }

    private static String format(Instant time) {
        StringBuilder line = new StringBuilder();
        AuditTime.append(line, time);
        return line.toString();
    }
}
