package org.cticache.testing;

/** A running deployment of cticache.war that the contract tests speak to, whatever container holds it. */
public interface Target extends AutoCloseable {

    String name();

    /** The way clients reach the service: over HTTPS, or through a TLS-terminating proxy, where the target has that. */
    Api api();

    /** Plain HTTP straight to the container, without any proxy marking; the same as {@link #api()} without TLS. */
    Api plainApi();

    /** All that the container and cticache in it have logged so far, audit log aside; it only grows. */
    String log();

    /** Whether the target runs with cticache.tls.required on. */
    boolean tlsRequired();

    /** The key the deployment encrypts values with (cticache.crypto.key), or null when it stores them in clear. */
    default String cryptoKey() {
        return null;
    }

    @Override
    void close();
}
