package org.cticache.core;

/**
 * A live entry's stored form could not be turned back into call data (tampered with, written under a key this
 * service does not have, or malformed); a fault of the service, never answered with what is stored.
 */
public final class UnreadableEntryException extends DomainException {

    /**
     * @param entry  which entry, without the full ANI
     * @param reason why, for the log; must not quote the stored value, the ciphertext or any key
     */
    public UnreadableEntryException(String entry, String reason) {
        super("the stored entry " + entry + " could not be read: " + reason, null);
    }
}
