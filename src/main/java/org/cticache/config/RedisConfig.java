package org.cticache.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cticache.store.RedisAddress;
import org.cticache.store.RedisOptions;
import org.cticache.store.RedisTopology;

/** Reads the {@code cticache.redis.*} settings: topology, address, credentials, TLS, pool, timeouts, WAIT. */
final class RedisConfig {

    static final String URI = "cticache.redis.uri";
    static final String MODE = "cticache.redis.mode";
    static final String NODES = "cticache.redis.nodes";
    static final String SENTINEL_MASTER = "cticache.redis.sentinel.master";
    static final String SENTINEL_USER = "cticache.redis.sentinel.user";
    static final String SENTINEL_PASSWORD = "cticache.redis.sentinel.password";
    static final String USER = "cticache.redis.user";
    static final String PASSWORD = "cticache.redis.password";
    static final String SSL = "cticache.redis.ssl";
    static final String TIMEOUT = "cticache.redis.timeout";
    static final String CONNECT_TIMEOUT = "cticache.redis.connect-timeout";
    static final String POOL_MAX_WAIT = "cticache.redis.pool.max-wait";
    static final String POOL_MAX_TOTAL = "cticache.redis.pool.max-total";
    static final String POOL_MAX_IDLE = "cticache.redis.pool.max-idle";
    static final String POOL_MIN_IDLE = "cticache.redis.pool.min-idle";
    static final String POOL_IDLE_CHECK = "cticache.redis.pool.idle-check";
    static final String WAIT_REPLICAS = "cticache.redis.wait.replicas";
    static final String WAIT_TIMEOUT = "cticache.redis.wait.timeout";

    static final List<String> NAMES = List.of(URI, MODE, NODES, SENTINEL_MASTER, SENTINEL_USER, SENTINEL_PASSWORD,
            USER, PASSWORD, SSL, TIMEOUT, CONNECT_TIMEOUT, POOL_MAX_WAIT, POOL_MAX_TOTAL, POOL_MAX_IDLE, POOL_MIN_IDLE,
            POOL_IDLE_CHECK, WAIT_REPLICAS, WAIT_TIMEOUT);

    private RedisConfig() {
    }

    static RedisOptions load(Settings settings, SettingReader read) {
        int timeout = read.integer(TIMEOUT, 1, 600_000);
        // Each bound of its own, defaulting to the one timeout that once covered all three, so a deployment that
        // sets only cticache.redis.timeout behaves as before.
        int connectTimeout = settings.get(CONNECT_TIMEOUT).isPresent() ? read.integer(CONNECT_TIMEOUT, 1, 600_000)
                : timeout;
        int poolMaxWait = settings.get(POOL_MAX_WAIT).isPresent() ? read.integer(POOL_MAX_WAIT, 1, 600_000) : timeout;
        int maxTotal = read.integer(POOL_MAX_TOTAL, 1, 10_000);
        int maxIdle = settings.get(POOL_MAX_IDLE).isPresent() ? read.integer(POOL_MAX_IDLE, 0, maxTotal) : maxTotal;
        int minIdle = read.integer(POOL_MIN_IDLE, 0, maxIdle);
        int idleCheck = read.integer(POOL_IDLE_CHECK, 0, 3_600_000);
        int waitReplicas = read.integer(WAIT_REPLICAS, 0, 100);
        int waitTimeout = read.integer(WAIT_TIMEOUT, 1, 600_000);
        if (waitReplicas > 0 && waitTimeout >= timeout) {
            // WAIT must give up before the socket does, or a slow replication would look like Redis being down.
            throw read.invalid(WAIT_TIMEOUT, "it must be below " + TIMEOUT + " (" + timeout + " ms)");
        }
        RedisUri uri = RedisUri.parse(read, URI);
        String user = settings.get(USER).orElse(uri.user());
        String password = settings.get(PASSWORD).orElse(uri.password());
        boolean ssl = uri.ssl() || read.bool(SSL);
        return new RedisOptions(topology(settings, read), uri.host(), uri.port(), user, password, uri.database(),
                ssl, timeout, connectTimeout, poolMaxWait, maxTotal, maxIdle, minIdle, idleCheck, waitReplicas,
                waitTimeout);
    }

    private static RedisTopology topology(Settings settings, SettingReader read) {
        String mode = read.string(MODE).strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "standalone" -> RedisTopology.STANDALONE;
            case "sentinel" -> {
                String master = settings.get(SENTINEL_MASTER).map(String::strip).filter(name -> !name.isEmpty())
                        .orElseThrow(() -> new ConfigException("Setting " + SENTINEL_MASTER + " is not set: with "
                                + MODE + "=sentinel it names the master the Sentinels watch"));
                yield RedisTopology.sentinel(nodes(settings, read, mode), master,
                        settings.get(SENTINEL_USER).orElse(null), settings.get(SENTINEL_PASSWORD).orElse(null));
            }
            case "cluster" -> RedisTopology.cluster(nodes(settings, read, mode));
            default -> throw read.invalid(MODE, "it must be standalone, sentinel or cluster");
        };
    }

    private static List<RedisAddress> nodes(Settings settings, SettingReader read, String mode) {
        String list = settings.get(NODES).orElseThrow(() -> new ConfigException("Setting " + NODES + " is not set:"
                + " with " + MODE + "=" + mode + " it lists the " + (mode.equals("sentinel") ? "Sentinels" : "seed"
                + " nodes") + " as host:port,host:port"));
        List<RedisAddress> nodes = new ArrayList<>();
        for (String item : list.split(",")) {
            String node = item.strip();
            int colon = node.lastIndexOf(':');
            String host = colon > 0 ? node.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = -1;
            try {
                port = Integer.parseInt(node.substring(colon + 1));
            } catch (NumberFormatException e) {
                // answered below
            }
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw read.invalid(NODES, "'" + node + "' is not host:port");
            }
            nodes.add(new RedisAddress(host, port));
        }
        return nodes;
    }
}
