package org.cticache.errors;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs an unexpected failure under a fresh reference that the client's error answer quotes. */
final class InternalErrors {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

    private InternalErrors() {
    }

    /** Logs the failure with its stack trace and returns the detail for the client, which names only the reference. */
    static String logged(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "cticache internal error, reference " + reference, failure);
        return "internal error; the service log has the details under reference " + reference;
    }
}
