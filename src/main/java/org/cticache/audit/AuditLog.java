package org.cticache.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per API call at INFO to the SLF4J logger {@value #LOGGER}, without call data or a whole ANI,
 * from a thread of its own.
 */
// SLF4J, not java.util.logging directly: the container's logging decides where the line goes. A thread of its
// own because the usual handlers (java.util.logging's FileHandler, ConsoleHandler) write and flush every record
// under one lock: with the calls writing their own lines, 64 concurrent calls spent most of their time queueing
// for that lock (the benchmark's JFR profile). The queue is bounded and a full queue makes the call wait, so no
// line is ever dropped; what a crash of the JVM loses is the few lines still queued.
public final class AuditLog implements ApiCallListener, AutoCloseable {

    /** The logger name administrators route to the audit file. */
    public static final String LOGGER = "org.cticache.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int QUEUED_LINES = 10_000;

    private final BlockingQueue<ApiCall> queue = new ArrayBlockingQueue<>(QUEUED_LINES);
    private final Thread writer = new Thread(this::write, "cticache-audit");
    private volatile boolean closed;

    public AuditLog() {
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
            return;
        }
        try {
            queue.put(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info(line(call));
        }
    }

    private void write() {
        List<ApiCall> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                ApiCall first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                }
            } catch (InterruptedException e) {
                queue.drainTo(batch);
                closed = true;
            }
            batch.forEach(call -> LOG.info(line(call)));
            batch.clear();
        }
    }

    /** Writes what is queued and stops the thread; later calls write their lines themselves. */
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
