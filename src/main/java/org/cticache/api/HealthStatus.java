package org.cticache.api;

/** What a load balancer reads: up or down, nothing more. */
record HealthStatus(String status) {

    static final HealthStatus UP = new HealthStatus("UP");
    static final HealthStatus DOWN = new HealthStatus("DOWN");
}
