package org.cticache.store;

/** One Redis server or Sentinel: a host and a port. */
public record RedisAddress(String host, int port) {

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
