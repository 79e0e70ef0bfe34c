package org.cticache.testing;

/**
 * The settings every target of the contract tests is deployed with, each container through its own channels.
 * The default ttl differs from web.xml's 60 on purpose: that a test sees 45 proves the container's override
 * reached the application.
 */
public final class ContractSettings {

    /** The default pool: 100 numbers. */
    public static final String DEFAULT_POOL = "5551234500-5551234599";
    /** Pool {@code small}: 5 numbers, to exhaust quickly. */
    public static final String SMALL_POOL = "5550000001-5550000005";
    /** Pool {@code intl}: E.164 numbers with '+'. */
    public static final String INTL_POOL = "+4930123400-+4930123409";
    public static final int TTL_DEFAULT = 45;

    private ContractSettings() {
    }
}
