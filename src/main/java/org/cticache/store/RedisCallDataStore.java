package org.cticache.store;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.PoolExhaustedException;
import org.cticache.core.StoreUnavailableException;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** The entries in Redis: one round trip per operation, each atomic on the Redis side. */
public final class RedisCallDataStore implements CallDataStore {

    // Redis answers these while it cannot serve (starting, failing over, a replica, a busy script, out of
    // memory, refusing our credentials): for the client that is Redis being unavailable, and the logged cause
    // tells the administrator which.
    private static final List<String> UNAVAILABLE_ERRORS = List.of("LOADING", "READONLY", "MASTERDOWN", "BUSY",
            "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM", "NOAUTH", "WRONGPASS", "NOPERM");

    private final JedisPool pool;
    private final RedisKeys keys;
    private final LuaScript allocate = LuaScript.fromResource("allocate.lua");
    private final Map<DnisPool, List<String>> encodedPools = new ConcurrentHashMap<>();

    private RedisCallDataStore(JedisPool pool, String keyPrefix) {
        this.pool = pool;
        this.keys = new RedisKeys(keyPrefix);
    }

    /** Builds the connection pool; connections open on first use, so Redis may still be down at start-up. */
    public static RedisCallDataStore open(RedisOptions options, String keyPrefix) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(options.poolMaxTotal());
        poolConfig.setMaxIdle(options.poolMaxIdle());
        poolConfig.setMinIdle(options.poolMinIdle());
        poolConfig.setMaxWait(Duration.ofMillis(options.timeoutMillis()));
        poolConfig.setBlockWhenExhausted(true);
        // No evictor thread and no JMX registration: an undeploy must leave nothing behind in the container.
        // Stale connections are caught on use instead (see call()).
        poolConfig.setTestWhileIdle(false);
        poolConfig.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        poolConfig.setJmxEnabled(false);

        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(options.timeoutMillis())
                .socketTimeoutMillis(options.timeoutMillis())
                .user(options.user())
                .password(options.password())
                .database(options.database())
                .clientName("cticache")
                .ssl(options.ssl());
        if (options.ssl()) {
            SSLParameters verifyHost = new SSLParameters();
            verifyHost.setEndpointIdentificationAlgorithm("HTTPS");
            client.sslParameters(verifyHost);
        }
        JedisPool jedisPool = new JedisPool(poolConfig, new HostAndPort(options.host(), options.port()), client.build());
        return new RedisCallDataStore(jedisPool, keyPrefix);
    }

    @Override
    public Dnis allocate(DnisPool dnisPool, int start, Ani ani, CallData data, int ttlSeconds) {
        List<String> encoded = encodedPools.computeIfAbsent(dnisPool, PoolEncoding::encode);
        List<String> args = new ArrayList<>(4 + encoded.size());
        args.add(data.json());
        args.add(Integer.toString(ttlSeconds));
        args.add(Integer.toString(start));
        args.add(Integer.toString(dnisPool.size()));
        args.addAll(encoded);
        Object result = call(jedis -> allocate.run(jedis, List.of(keys.aniPrefix(ani)), args));
        if (result instanceof String dnis) {
            return new Dnis(dnis);
        }
        long millisToFirstExpiry = (Long) result;
        int retryAfter = (int) Math.max(1, (millisToFirstExpiry + 999) / 1000);
        throw new PoolExhaustedException(dnisPool.name(), ani, dnisPool.size(), retryAfter);
    }

    @Override
    public Optional<CallData> get(EntryKey key) {
        return Optional.ofNullable(call(jedis -> jedis.get(keys.entry(key)))).map(CallData::new);
    }

    @Override
    public Optional<CallData> take(EntryKey key) {
        return Optional.ofNullable(call(jedis -> jedis.getDel(keys.entry(key)))).map(CallData::new);
    }

    @Override
    public boolean isUp() {
        try {
            return "PONG".equals(call(Jedis::ping));
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Runs one command on a pooled connection. A connection that broke without a timeout, typically an idle
     * one whose Redis restarted, is retried once on a fresh connection after dropping the other idle ones,
     * which are stale too; so the first call after a Redis restart succeeds. A timeout is never retried: the
     * command may have run, and the caller must get its answer within the configured time.
     */
    private <T> T call(Function<Jedis, T> command) {
        try {
            return attempt(command);
        } catch (JedisConnectionException e) {
            if (isTimeout(e)) {
                throw unavailable(e);
            }
            pool.clear();
            try {
                return attempt(command);
            } catch (JedisException retryFailure) {
                throw unavailable(retryFailure);
            }
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    private <T> T attempt(Function<Jedis, T> command) {
        try (Jedis jedis = pool.getResource()) {
            return command.apply(jedis);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException unavailable(JedisException e) {
        if (e instanceof JedisDataException && UNAVAILABLE_ERRORS.stream().noneMatch(e.getMessage()::startsWith)) {
            return e;
        }
        return new StoreUnavailableException("Redis is unreachable or did not answer in time; nothing was changed",
                e);
    }
}
