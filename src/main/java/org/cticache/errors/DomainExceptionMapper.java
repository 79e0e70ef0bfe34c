package org.cticache.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.core.DomainException;
import org.cticache.core.EntryNotFoundException;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.InvalidInputException;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.StoreUnavailableException;
import org.cticache.core.UnreadableEntryException;

/**
 * Answers the domain's refusals: 400 bad input, 404 no entry, 422 an idempotency key reused for another request,
 * 500 a stored entry that cannot be read, 503 pool exhausted or Redis unavailable.
 */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    // Seconds a client should wait after a Redis failure: about one failover or restart.
    private static final int STORE_RETRY_AFTER = 1;

    private final AtomicLong lastOutageLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    @Override
    public Response toResponse(DomainException e) {
        if (e instanceof InvalidInputException) {
            return Problem.response(400, e.getMessage()).build();
        }
        if (e instanceof EntryNotFoundException) {
            return Problem.response(404, e.getMessage()).build();
        }
        if (e instanceof IdempotencyConflictException) {
            return Problem.response(422, e.getMessage()).build();
        }
        if (e instanceof PoolExhaustedException exhausted) {
            return Problem.response(503, e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, exhausted.retryAfterSeconds()).build();
        }
        if (e instanceof UnreadableEntryException) {
            return Problem.response(500, unreadable(e)).build();
        }
        logOutage((StoreUnavailableException) e);
        return Problem.response(503, e.getMessage()).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER).build();
    }

    /**
     * Logs why under a fresh reference, which the client's detail quotes. The message names the entry without
     * its full ANI and says why; it never holds the value, the stored bytes or a key.
     */
    private static String unreadable(DomainException e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "cticache: reference " + reference + ": " + e.getMessage());
        return "the stored entry could not be read; the service log has the details under reference " + reference;
    }

    /** Once per interval at most, so an outage under load does not flood the log. */
    private void logOutage(StoreUnavailableException e) {
        long now = System.nanoTime();
        long last = lastOutageLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastOutageLog.compareAndSet(last, now)) {
            // Our message says which failure it was (unreachable, credentials refused, too few replicas); of the
            // causes only their types and Redis error code, since a Redis error message may quote a key, which holds
            // an ANI.
            LOG.log(Level.WARNING, "cticache: answering 503: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + Redacted.describe(e.getCause()) + ")"));
        }
    }
}
