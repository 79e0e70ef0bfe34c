package org.cticache.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The java.util.logging records one logger of this JVM writes while this is open (the embedded deployment's too). */
public final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Predicate<LogRecord> wanted;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger, Predicate<LogRecord> wanted) {
        this.logger = logger;
        this.wanted = wanted;
    }

    /** Starts keeping the logger's records that match. */
    public static LogRecords of(String loggerName, Predicate<LogRecord> wanted) {
        LogRecords captured = new LogRecords(Logger.getLogger(loggerName), wanted);
        captured.logger.addHandler(captured);
        return captured;
    }

    /** The messages kept at this level, in the order they were logged. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (wanted.test(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
