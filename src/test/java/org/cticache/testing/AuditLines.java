package org.cticache.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import org.cticache.audit.AuditLog;

/**
 * The audit log lines that the embedded deployment, which logs through this JVM's java.util.logging, writes
 * while this is open.
 */
public final class AuditLines implements AutoCloseable {

    // The line is written once the answer is sent, so it may arrive just after the client has it.
    private static final Duration WAIT = Duration.ofSeconds(5);
    // How long the one line must stay alone: a second line for the same call would show up in that time.
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final LogRecords records;

    private AuditLines(LogRecords records) {
        this.records = records;
    }

    public static AuditLines capture() {
        return new AuditLines(LogRecords.of(AuditLog.LOGGER, record -> true));
    }

    /** The one line of the call with this request id, failing if none arrives in time or a second one does. */
    public String of(String requestId) {
        return await("one audit line for request " + requestId).atMost(WAIT.plus(SETTLE)).during(SETTLE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .failFast("a second audit line for request " + requestId, () -> linesOf(requestId).size() > 1)
                .until(() -> linesOf(requestId), lines -> lines.size() == 1).get(0);
    }

    /**
     * Whether a line of the call with this request id has come; ask once a later call's line has come (the audit
     * log writes in the order it is told).
     */
    public boolean has(String requestId) {
        return !linesOf(requestId).isEmpty();
    }

    private List<String> linesOf(String requestId) {
        return records.all().stream().map(LogRecord::getMessage)
                .filter(line -> line.contains(" request=" + requestId + " ")).toList();
    }

    @Override
    public void close() {
        records.close();
    }
}
