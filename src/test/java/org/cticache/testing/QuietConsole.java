package org.cticache.testing;

import java.util.logging.ConsoleHandler;
import java.util.logging.LogRecord;
import org.cticache.audit.AuditLog;

/**
 * The console handler of the integration test JVMs: as the stock one, but without the audit log's line per
 * call, which would bury the build output; {@link TestLogFile} keeps those.
 */
public final class QuietConsole extends ConsoleHandler {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !AuditLog.LOGGER.equals(record.getLoggerName()) && super.isLoggable(record);
    }
}
