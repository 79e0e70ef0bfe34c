package org.cticache.errors;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs an unexpected failure under a reference that the client's error answer quotes: the call's request id,
 * which its audit line has too.
 */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

    private InternalErrors() {
    }

    /**
     * Logs the failure with its stack trace, without the messages (see {@link Redacted}), and returns the detail
     * for the client, which names only the reference.
     *
     * @param requestId the call's request id, or null outside an audited request: a fresh reference then
     */
    static String logged(Throwable failure, String requestId) {
        String reference = requestId != null ? requestId : UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "cticache internal error, reference " + reference, Redacted.of(failure));
        return "internal error; the service log has the details under reference " + reference;
    }
}
