package org.cticache.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.cticache.store.RedisOptions;

/** Parses {@code redis://[user:password@]host[:port][/db]} ({@code rediss://} for TLS) into connection options. */
final class RedisUri {

    private static final int DEFAULT_PORT = 6379;

    private RedisUri() {
    }

    static RedisOptions parse(SettingReader read, String setting, int timeoutMillis, int poolMaxTotal,
                              int poolMaxIdle, int poolMinIdle) {
        URI uri;
        try {
            uri = new URI(read.string(setting).strip());
        } catch (URISyntaxException e) {
            throw read.invalidSecret(setting, "not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw read.invalidSecret(setting, "it must start with redis:// or, for TLS, rediss://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw read.invalidSecret(setting, "it names no host; expected redis://[user:password@]host[:port][/db]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw read.invalidSecret(setting, "query parameters and fragments are not supported");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            // Without a colon the user info is a password alone, as in redis://secret@host (the older form).
            user = colon > 0 ? userInfo.substring(0, colon) : null;
            password = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
        }
        return new RedisOptions(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), user,
                password == null || password.isEmpty() ? null : password, database(read, setting, uri.getPath()),
                "rediss".equals(scheme), timeoutMillis, poolMaxTotal, poolMaxIdle, poolMinIdle);
    }

    private static int database(SettingReader read, String setting, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            int database = Integer.parseInt(path.substring(1));
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw read.invalidSecret(setting, "the path must be a database number such as /0");
    }
}
