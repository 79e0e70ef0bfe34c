package org.cticache.store;

/**
 * Where Redis is and how to talk to it: the parsed {@code cticache.redis.*} settings.
 *
 * @param timeoutMillis bounds connecting, each command, and the wait for a pooled connection
 */
public record RedisOptions(String host, int port, String user, String password, int database, boolean ssl,
                           int timeoutMillis, int poolMaxTotal, int poolMaxIdle, int poolMinIdle) {

    /** The address for logs, never the password. */
    @Override
    public String toString() {
        return (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port + "/" + database
                + (password == null ? "" : " (with password)");
    }
}
