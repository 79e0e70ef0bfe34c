package org.cticache.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cticache.store.RedisAddress;

/** Parses {@code redis://[user:password@]host[:port][/db]} ({@code rediss://} for TLS). */
record RedisUri(String host, int port, String user, String password, int database, boolean ssl) {

    private static final int DEFAULT_PORT = 6379;

    static RedisUri parse(SettingReader read, String setting) {
        URI uri;
        try {
            uri = new URI(read.string(setting).strip());
        } catch (URISyntaxException e) {
            throw read.invalidSecret(setting, "not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw read.invalidSecret(setting, "it must start with redis:// or, for TLS, rediss://");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw read.invalidSecret(setting, "query parameters and fragments are not supported");
        }
        RedisAddress address = address(read, setting, uri);
        String user = null;
        String password = null;
        String userInfo = userInfo(uri);
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            // Without a colon the user info is a password alone, as in redis://secret@host (the older form).
            user = colon > 0 ? userInfo.substring(0, colon) : null;
            password = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
        }
        return new RedisUri(address.host(), address.port(), user,
                password == null || password.isEmpty() ? null : password, database(read, setting, uri.getPath()),
                "rediss".equals(scheme));
    }

    private static String userInfo(URI uri) {
        if (uri.getHost() != null || uri.getRawAuthority() == null || !uri.getRawAuthority().contains("@")) {
            return uri.getUserInfo();
        }
        String raw = uri.getRawAuthority().substring(0, uri.getRawAuthority().lastIndexOf('@'));
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The host and port. java.net.URI gives no host for names it deems invalid, such as container host names
     * with '_' (redis_cache), so the authority is then split by hand.
     */
    private static RedisAddress address(SettingReader read, String setting, URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            try {
                port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw read.invalidSecret(setting, "the port must be a number from 1 to 65535");
            }
        }
        if (host == null || host.isEmpty()) {
            throw read.invalidSecret(setting, "it names no host; expected redis://[user:password@]host[:port][/db]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port == -1) {
            port = DEFAULT_PORT;
        }
        if (port < 1 || port > 65_535) {
            throw read.invalidSecret(setting, "the port must be a number from 1 to 65535");
        }
        return new RedisAddress(host, port);
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
