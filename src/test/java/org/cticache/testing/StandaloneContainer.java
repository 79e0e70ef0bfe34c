package org.cticache.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * A stock container running as its own process, in a base that its deploy guide's commands built, as an
 * administrator runs it.
 */
public abstract class StandaloneContainer implements Target {

    private final String name;
    private final Path base;
    private final ContainerProcess process;
    private final Api api;
    private final Api plainApi;
    private final boolean tlsRequired;

    StandaloneContainer(String name, Path base, ContainerProcess process, Api api, Api plainApi,
                        boolean tlsRequired) {
        this.name = name;
        this.base = base;
        this.process = process;
        this.api = api;
        this.plainApi = plainApi;
        this.tlsRequired = tlsRequired;
    }

    ContainerProcess process() {
        return process;
    }

    /** The container's base (CATALINA_BASE, JETTY_BASE) as the guide made it. */
    public Path base() {
        return base;
    }

    /** The files of the base that hold a secret (password hashes, the Redis URI, keystores), as the guide made them. */
    public abstract List<Path> secretFiles();

    /** The command lines and environments of the container's processes, as a process listing shows them. */
    public String processListing() {
        return process.listing();
    }

    /** A user the guide itself creates with role cticache-monitor; its password is its name in the tests. */
    public static String guideMonitor() {
        return "prometheus";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Api api() {
        return api;
    }

    @Override
    public Api plainApi() {
        return plainApi;
    }

    /** The deploy guides switch encryption on; the tests plant the key. */
    @Override
    public String cryptoKey() {
        return Planted.CRYPTO_KEY;
    }

    @Override
    public boolean tlsRequired() {
        return tlsRequired;
    }

    @Override
    public void close() {
        process.close();
    }
}
