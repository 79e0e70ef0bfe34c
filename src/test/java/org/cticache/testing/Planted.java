package org.cticache.testing;

/**
 * Call data that AuditIT sends through every kind of call, and secrets that deployments of the run are given, that no
 * log of a test run may hold; no other test uses them, so finding them in a log means cticache, or a container set up
 * as the docs say, logged them.
 */
public final class Planted {

    /** A value of call data. */
    public static final String VALUE = "planted-call-data-Zq7x31";
    /** A caller's number. */
    public static final String ANI = "7305551928466";
    /** The caller's number as the audit log shows it. */
    public static final String MASKED_ANI = "*********8466";
    /** A Redis password: the stock containers' Redis requires it; RedisCredentialsIT gives it to one that does not. */
    public static final String REDIS_PASSWORD = "planted-redis-password-Zq7x31";
    /** An encryption key (cticache.crypto.key), base64 of 32 bytes: the stock containers' and EncryptionAtRestIT's first. */
    public static final String CRYPTO_KEY = "cGxhbnRlZC1jcnlwdG8ta2V5LTMyLWJ5dGVzLVpxN3g=";

    private Planted() {
    }
}
