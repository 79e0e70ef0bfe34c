package org.cticache.testing;

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
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (linesOf(requestId).isEmpty() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(20));
        }
        pause(SETTLE);
        List<String> found = linesOf(requestId);
        if (found.size() != 1) {
            throw new AssertionError("expected one audit line for request " + requestId + ", got " + found);
        }
        return found.get(0);
    }

    private List<String> linesOf(String requestId) {
        return records.all().stream().map(LogRecord::getMessage)
                .filter(line -> line.contains(" request=" + requestId + " ")).toList();
    }

    @Override
    public void close() {
        records.close();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
