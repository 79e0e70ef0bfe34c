package org.cticache.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per API call at INFO to the SLF4J logger {@value #LOGGER}, without call data or a whole ANI,
 * from a thread of its own; a call never waits for it.
 */
// SLF4J, not java.util.logging directly: the container's logging decides where the line goes. A thread of its
// own because the usual handlers (java.util.logging's FileHandler, ConsoleHandler) write and flush every record
// under one lock: with the calls writing their own lines, concurrent calls spend most of their time queueing
// for that lock.
// A full queue drops the line at once instead of making the call wait. The queue holds about a second of the
// peak rate docs/benchmarks.md measures, and the writer drains several times that, so it is full only while a
// handler is stalled (a full or hung disk, a console nobody reads): waiting a few ms more would save a few ms'
// worth of lines per stall and add those ms to every call for as long as it lasts.
// Each drop is counted at once; the warning comes from the writer, never from a call, whose thread would
// otherwise block on the same stalled handler when the audit lines share the main log (the default).
// Once it has written a batch, the writer sleeps a few ms instead of waiting on the queue: under load a call then
// hands its line over without waking a thread, and a batch reaches the file in one write, as the writer flushes
// the audit logger's handlers after each batch (a handler that buffers, such as Tomcat's FileHandler with
// bufferSize 0, then writes once per batch; the JDK's FileHandler flushes every line whatever we do).
public final class AuditLog implements ApiCallListener, AutoCloseable {

    /** The logger name administrators route to the audit file. */
    public static final String LOGGER = "org.cticache.audit";
    /** Where the audit log warns that it dropped lines: outside {@value #LOGGER}'s tree, so not in the audit file. */
    static final String WARNINGS = "org.cticache.auditlog";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    // The same logger as java.util.logging sees it (SLF4J's binding in the WAR), for flushing its handlers.
    private static final java.util.logging.Logger HANDLERS = java.util.logging.Logger.getLogger(LOGGER);
    private static final java.util.logging.Logger WARN = java.util.logging.Logger.getLogger(WARNINGS);
    private static final int QUEUED_LINES = 10_000;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    // How long the writer sleeps after a batch before it looks again: a line waits at most this long.
    private static final long BATCH_PAUSE_MILLIS = 5;

    private final DroppedLines dropped;
    private final int queuedLines;
    private final long warnEveryNanos;
    private final BlockingQueue<ApiCall> queue;
    private final AtomicLong unreported = new AtomicLong();
    private final Thread writer = new Thread(this::write, "cticache-audit");
    private volatile boolean closed;
    // The writer's own: the start of the count that the next warning reports, and when it may come.
    private Instant countedSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private long nextWarning = System.nanoTime();

    public AuditLog(DroppedLines dropped) {
        this(dropped, QUEUED_LINES, WARN_EVERY);
    }

    AuditLog(DroppedLines dropped, int queuedLines, Duration warnEvery) {
        this.dropped = dropped;
        this.queuedLines = queuedLines;
        this.warnEveryNanos = warnEvery.toNanos();
        this.queue = new ArrayBlockingQueue<>(queuedLines);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void completed(ApiCall call) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (closed) {
            LOG.info(line(call));
            flush(HANDLERS);
            return;
        }
        if (!queue.offer(call)) {
            unreported.incrementAndGet();
            dropped.dropped();
        }
    }

    private void write() {
        List<ApiCall> batch = new ArrayList<>();
        boolean wrote = false;
        while (!closed || !queue.isEmpty()) {
            try {
                if (wrote) {
                    Thread.sleep(BATCH_PAUSE_MILLIS);
                } else {
                    ApiCall first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                    }
                }
            } catch (InterruptedException e) {
                closed = true;
            }
            queue.drainTo(batch);
            wrote = !batch.isEmpty();
            batch.forEach(call -> LOG.info(line(call)));
            batch.clear();
            if (wrote) {
                flush(HANDLERS);
            }
            if (System.nanoTime() - nextWarning >= 0) {
                warnOfDroppedLines();
            }
        }
        warnOfDroppedLines();
    }

    /** Flushes the handlers a record of the logger reaches, its parents' too while it passes records up. */
    private static void flush(java.util.logging.Logger logger) {
        for (java.util.logging.Logger at = logger; at != null; at = at.getUseParentHandlers() ? at.getParent() : null) {
            for (Handler handler : at.getHandlers()) {
                handler.flush();
            }
        }
    }

    /** One WARNING with the lines dropped since the last one, if any were. */
    private void warnOfDroppedLines() {
        long lines = unreported.getAndSet(0);
        if (lines == 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        WARN.log(Level.WARNING, "cticache: " + lines + " audit lines dropped since " + countedSince
                + ": the handlers of logger " + LOGGER + " did not keep up with the calls (" + queuedLines
                + " lines waiting). /metrics counts them in cticache_audit_dropped_total.");
        countedSince = now;
        nextWarning = System.nanoTime() + warnEveryNanos;
    }

    /**
     * Writes what is queued, warns of the lines dropped since the last warning, and stops the thread; later calls
     * write their lines themselves.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code time=... request=... user=... op=... pool=... dnis=... ani=... status=... ms=...}, in that order. */
    static String line(ApiCall call) {
        StringBuilder line = new StringBuilder(160).append("time=");
        AuditTime.append(line, call.time());
        line.append(" request=").append(call.requestId())
                .append(" user=").append(call.user())
                .append(" op=").append(call.operation())
                .append(" pool=").append(call.pool())
                .append(" dnis=").append(call.dnis())
                .append(" ani=").append(call.ani())
                .append(" status=").append(call.status())
                .append(" ms=");
        return appendTenths(line, call.latencyMillis()).toString();
    }

    /** One decimal, without java.util.Formatter, which costs more than the rest of the line on every call. */
    private static StringBuilder appendTenths(StringBuilder line, double millis) {
        long tenths = Math.round(millis * 10);
        return line.append(tenths / 10).append('.').append(tenths % 10);
    }
}
