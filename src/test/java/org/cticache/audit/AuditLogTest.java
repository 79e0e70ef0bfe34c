package org.cticache.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.cticache.testing.LogRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLogTest {

    private static final int QUEUED = 100;
    // A hand-over takes microseconds; the bound only keeps a loaded build machine's pauses from failing the test.
    private static final Duration HAND_OVER = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void writesOneLineOfKeyValuePairsWithLatencyToATenthOfAMillisecond() {
        ApiCall call = new ApiCall(Instant.parse("2026-11-26T10:15:30Z"), "r-1", "ivr-x", "create", "sales",
                "5551234568", "******7890", 201, 2.66);

        assertEquals("time=2026-11-26T10:15:30.000Z request=r-1 user=ivr-x op=create pool=sales dnis=5551234568"
                + " ani=******7890 status=201 ms=2.7", AuditLog.line(call));
    }

    @ParameterizedTest
    @CsvSource({"0.04, 0.0", "0.05, 0.1", "9.96, 10.0", "1234.5, 1234.5", "0, 0.0"})
    void latencyIsRoundedToOneDecimal(double millis, String written) {
        ApiCall call = new ApiCall(Instant.EPOCH, "r", "-", "peek", "-", "-", "-", 200, millis);
        assertEquals(written, AuditLog.line(call).substring(AuditLog.line(call).indexOf("ms=") + 3));
    }

    @Test
    void aStalledWriterNeverHoldsACallItsDroppedLinesAreCountedAndWarnedOfOnceInTheWindow() {
        Logger auditLogger = Logger.getLogger(AuditLog.LOGGER);
        StalledHandler handler = new StalledHandler();
        AtomicLong counted = new AtomicLong();
        AuditLog audit = new AuditLog(counted::incrementAndGet, QUEUED, Duration.ofHours(1));
        auditLogger.addHandler(handler);
        // The lines of this test would bury the build's output.
        auditLogger.setUseParentHandlers(false);
        try (LogRecords warnings = LogRecords.of(AuditLog.WARNINGS, r -> r.getLevel() == Level.WARNING)) {
            handler.stall();
            audit.completed(call("held-1"));
            handler.awaitHolding();

            long longest = overfill(audit, "a", QUEUED + 50);
            assertTrue(longest < HAND_OVER.toNanos(), "a call waited " + longest / 1_000 + " us");
            assertEquals(50, counted.get());
            assertEquals(List.of(), warnings.messages(Level.WARNING), "no warning from a call's thread");

            handler.release();
            await(() -> warnings.messages(Level.WARNING).size() == 1);
            assertTrue(warnings.messages(Level.WARNING).get(0).startsWith("cticache: 50 audit lines dropped since "),
                    warnings.messages(Level.WARNING).get(0));
            await(() -> handler.lines.size() == 1 + QUEUED);

            handler.stall();
            audit.completed(call("held-2"));
            handler.awaitHolding();
            overfill(audit, "b", QUEUED + 30);
            handler.release();
            await(() -> handler.lines.size() == 1 + QUEUED + 1 + QUEUED);
            // The writer warns, if it may, after each batch it writes: once this line is out, it had its chance.
            audit.completed(call("marker"));
            await(() -> handler.lines.stream().anyMatch(line -> line.contains(" request=marker ")));
            assertEquals(80, counted.get());
            assertEquals(1, warnings.messages(Level.WARNING).size(), "one warning a window");

            audit.close();
            List<String> warned = warnings.messages(Level.WARNING);
            assertEquals(2, warned.size(), "the rest is reported when the log closes: " + warned);
            assertTrue(warned.get(1).startsWith("cticache: 30 audit lines dropped since "), warned.get(1));
            assertEquals(1 + QUEUED + 1 + QUEUED + 1, handler.lines.size(), "every line that was queued is written");
        } finally {
            handler.release();
            audit.close();
            auditLogger.removeHandler(handler);
            auditLogger.setUseParentHandlers(true);
        }
    }

    @Test
    void eachBatchOfLinesIsFlushedOnceItIsWrittenSoABufferingHandlerWritesItOut() {
        Logger auditLogger = Logger.getLogger(AuditLog.LOGGER);
        BufferingHandler handler = new BufferingHandler();
        auditLogger.addHandler(handler);
        auditLogger.setUseParentHandlers(false);
        AuditLog audit = new AuditLog(() -> { }, QUEUED, Duration.ofHours(1));
        try {
            audit.completed(call("first"));
            await(() -> handler.flushed.size() == 1);
            for (int i = 0; i < 20; i++) {
                audit.completed(call("burst-" + i));
            }
            await(() -> handler.flushed.size() == 21);
            assertEquals("first", handler.flushed.get(0).split(" request=")[1].split(" ")[0]);
            assertTrue(handler.flushes.get() < 21, "one flush per batch, not per line: " + handler.flushes.get());
        } finally {
            audit.close();
            auditLogger.removeHandler(handler);
            auditLogger.setUseParentHandlers(true);
        }
    }

    /** Hands over this many calls, returning the longest any of them took. */
    private static long overfill(AuditLog audit, String prefix, int calls) {
        long longest = 0;
        for (int i = 0; i < calls; i++) {
            ApiCall call = call(prefix + i);
            long start = System.nanoTime();
            audit.completed(call);
            longest = Math.max(longest, System.nanoTime() - start);
        }
        return longest;
    }

    private static ApiCall call(String requestId) {
        return new ApiCall(Instant.EPOCH, requestId, "-", "health", "-", "-", "-", 200, 1);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(condition::getAsBoolean);
    }

    /** A handler that keeps what it was given until it is flushed, as a file handler with a buffer does. */
    private static final class BufferingHandler extends Handler {

        final List<String> flushed = new CopyOnWriteArrayList<>();
        final AtomicLong flushes = new AtomicLong();
        private final List<String> buffer = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            buffer.add(record.getMessage());
        }

        @Override
        public synchronized void flush() {
            if (!buffer.isEmpty()) {
                flushes.incrementAndGet();
            }
            flushed.addAll(buffer);
            buffer.clear();
        }

        @Override
        public void close() {
        }
    }

    /** An audit handler that, while stalled, holds the writer in the record it was given, as a hung disk would. */
    private static final class StalledHandler extends Handler {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private boolean stalled;
        private boolean holding;

        synchronized void stall() {
            stalled = true;
        }

        synchronized void release() {
            stalled = false;
            notifyAll();
        }

        synchronized void awaitHolding() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!holding) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "the writer never reached the handler");
                waitFor(left);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            while (stalled) {
                holding = true;
                notifyAll();
                waitFor(WAIT.toNanos());
            }
            holding = false;
            lines.add(record.getMessage());
        }

        private void waitFor(long nanos) {
            try {
                wait(Math.max(1, nanos / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
