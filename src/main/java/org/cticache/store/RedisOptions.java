package org.cticache.store;

/**
 * Where Redis is and how to talk to it: the parsed {@code cticache.redis.*} settings.
 *
 * @param host                 the server of cticache.redis.uri, used in standalone mode
 * @param timeoutMillis        bounds each command, a new connection's set-up commands included
 * @param connectTimeoutMillis bounds opening a TCP connection, to each address the host name resolves to
 * @param poolMaxWaitMillis    bounds the wait for a pooled connection while every one is in use
 * @param poolIdleCheckMillis  how often idle connections are checked and min-idle restored (0: never)
 * @param waitReplicas         replicas that must hold a new entry before it is acknowledged (0: do not wait)
 */
public record RedisOptions(RedisTopology topology, String host, int port, String user, String password,
                           int database, boolean ssl, int timeoutMillis, int connectTimeoutMillis,
                           int poolMaxWaitMillis, int poolMaxTotal, int poolMaxIdle, int poolMinIdle,
                           int poolIdleCheckMillis, int waitReplicas, int waitTimeoutMillis) {

    /** The address for logs, never the password. */
    @Override
    public String toString() {
        String credentials = (user == null ? "" : " as " + user) + (password == null ? "" : " (with password)");
        String tls = ssl ? " over TLS" : "";
        if (topology.mode() != RedisTopology.Mode.STANDALONE) {
            return topology + credentials + tls;
        }
        return (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port + "/" + database
                + (password == null ? "" : " (with password)");
    }
}
