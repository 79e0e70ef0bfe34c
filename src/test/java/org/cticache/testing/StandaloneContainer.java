package org.cticache.testing;

/** A stock container running as its own process, as an administrator runs it. */
abstract class StandaloneContainer implements Target {

    private final String name;
    private final ContainerProcess process;
    private final Api api;
    private final Api plainApi;
    private final boolean tlsRequired;

    StandaloneContainer(String name, ContainerProcess process, Api api, Api plainApi, boolean tlsRequired) {
        this.name = name;
        this.process = process;
        this.api = api;
        this.plainApi = plainApi;
        this.tlsRequired = tlsRequired;
    }

    ContainerProcess process() {
        return process;
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

    @Override
    public boolean tlsRequired() {
        return tlsRequired;
    }

    @Override
    public void close() {
        process.close();
    }
}
