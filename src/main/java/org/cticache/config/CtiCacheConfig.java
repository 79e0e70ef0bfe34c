package org.cticache.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.NumberPlan;
import org.cticache.core.TtlPolicy;
import org.cticache.crypto.ValueCipher;
import org.cticache.store.RedisOptions;

/** Every setting of a deployment, parsed and checked once at start-up. */
public record CtiCacheConfig(RedisOptions redis, String keyPrefix, NumberPlan numbers, DnisPools pools, TtlPolicy ttl,
                             int cooldownSeconds, int bodyMaxBytes, boolean tlsRequired, int poolWarnPercent,
                             ValueCipher cipher) {

    public static final String REDIS_URI = RedisConfig.URI;
    public static final String REDIS_PREFIX = "cticache.redis.prefix";
    public static final String REDIS_TIMEOUT = RedisConfig.TIMEOUT;
    public static final String REDIS_POOL_MAX_TOTAL = RedisConfig.POOL_MAX_TOTAL;
    public static final String REDIS_POOL_MAX_IDLE = RedisConfig.POOL_MAX_IDLE;
    public static final String REDIS_POOL_MIN_IDLE = RedisConfig.POOL_MIN_IDLE;
    public static final String DNIS_POOL = "cticache.dnis.pool";
    public static final String TTL_DEFAULT = "cticache.ttl.default";
    public static final String TTL_MAX = "cticache.ttl.max";
    public static final String BODY_MAX = "cticache.body.max";
    public static final String TLS_REQUIRED = "cticache.tls.required";
    public static final String NUMBERS_REGION = "cticache.numbers.region";
    public static final String ANI_ANONYMOUS = "cticache.ani.anonymous";
    public static final String DNIS_COOLDOWN = "cticache.dnis.cooldown";
    public static final String MATCH = "cticache.match";
    public static final String POOL_WARN = "cticache.pool.warn";

    /** The defaults, kept only here; README.md's settings table lists them, and a test keeps the two equal. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(REDIS_URI, "redis://localhost:6379"),
            Map.entry(RedisConfig.MODE, "standalone"),
            Map.entry(RedisConfig.SSL, "false"),
            Map.entry(RedisConfig.WAIT_REPLICAS, "0"),
            Map.entry(RedisConfig.WAIT_TIMEOUT, "500"),
            Map.entry(REDIS_PREFIX, "cticache:"),
            Map.entry(REDIS_TIMEOUT, "2000"),
            Map.entry(REDIS_POOL_MAX_TOTAL, "64"),
            Map.entry(REDIS_POOL_MIN_IDLE, "0"),
            Map.entry(RedisConfig.POOL_IDLE_CHECK, "30000"),
            Map.entry(TTL_DEFAULT, "60"),
            Map.entry(TTL_MAX, "3600"),
            Map.entry(BODY_MAX, "16384"),
            Map.entry(TLS_REQUIRED, "false"),
            Map.entry(DNIS_COOLDOWN, "0"),
            Map.entry(MATCH, "dnis-ani"),
            Map.entry(POOL_WARN, "80"));

    static final List<String> NAMES = Stream.of(RedisConfig.NAMES, CryptoConfig.NAMES, List.of(REDIS_PREFIX,
            DNIS_POOL, TTL_DEFAULT, TTL_MAX, BODY_MAX, TLS_REQUIRED, NUMBERS_REGION, ANI_ANONYMOUS, DNIS_COOLDOWN,
            MATCH, POOL_WARN)).flatMap(List::stream).toList();

    private static final String NAMED_POOL = DNIS_POOL + ".";
    private static final String POOL_MATCH = MATCH + ".";
    private static final Pattern POOL_NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern KEY_PREFIX = Pattern.compile("[^{}\\s]{0,100}");

    /** Reads and checks every setting; throws ConfigException naming the first bad one. */
    public static CtiCacheConfig load(Settings settings) {
        settings.requireOneValueEach();
        SettingReader read = new SettingReader(settings, DEFAULTS);
        RedisOptions redis = RedisConfig.load(settings, read);

        String prefix = read.string(REDIS_PREFIX);
        if (!KEY_PREFIX.matcher(prefix).matches()) {
            throw read.invalid(REDIS_PREFIX, "it must be at most 100 characters without whitespace, '{' or '}'"
                    + " (braces would break the Redis Cluster hash tag)");
        }
        int maxTtl = read.integer(TTL_MAX, 1, Integer.MAX_VALUE);
        int defaultTtl = read.integer(TTL_DEFAULT, 1, Integer.MAX_VALUE);
        if (defaultTtl > maxTtl) {
            // Name the setting the administrator actually changed.
            throw settings.get(TTL_DEFAULT).isPresent()
                    ? read.invalid(TTL_DEFAULT, "it must not exceed " + TTL_MAX + " (" + maxTtl + ")")
                    : read.invalid(TTL_MAX, "it is below the default ttl of " + defaultTtl + " seconds; lower "
                    + TTL_DEFAULT + " too");
        }
        int bodyMax = read.integer(BODY_MAX, 64, 16 * 1024 * 1024);
        NumberPlan numbers = numberPlan(settings, read);
        return new CtiCacheConfig(redis, prefix, numbers, pools(settings, read, numbers),
                new TtlPolicy(defaultTtl, maxTtl), read.integer(DNIS_COOLDOWN, 0, 86_400), bodyMax,
                read.bool(TLS_REQUIRED), read.integer(POOL_WARN, 1, 100), CryptoConfig.load(settings, read));
    }

    private static NumberPlan numberPlan(Settings settings, SettingReader read) {
        String region = settings.get(NUMBERS_REGION).map(value -> value.strip().toUpperCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).orElse(null);
        Set<String> anonymous = settings.get(ANI_ANONYMOUS).stream()
                .flatMap(tokens -> Arrays.stream(tokens.split(","))).map(String::strip)
                .filter(token -> !token.isEmpty()).collect(Collectors.toSet());
        try {
            return new NumberPlan(region, anonymous);
        } catch (IllegalArgumentException e) {
            throw read.invalid(NUMBERS_REGION, e.getMessage());
        }
    }

    private static DnisPools pools(Settings settings, SettingReader read, NumberPlan numbers) {
        if (settings.get(DNIS_POOL).isEmpty()) {
            throw new ConfigException("Setting " + DNIS_POOL + " is not set: configure the default DNIS pool,"
                    + " numbers and ranges such as 5551234500-5551234599,5559870000 (context parameter, system"
                    + " property, or environment variable " + Settings.environmentName(DNIS_POOL) + ")");
        }
        DnisPool defaultPool = matched(settings, read, pool(read, DnisPools.DEFAULT, DNIS_POOL, numbers));
        Map<String, DnisPool> named = new LinkedHashMap<>();
        for (String setting : settings.namesStartingWith(NAMED_POOL)) {
            String name = setting.substring(NAMED_POOL.length());
            if (!POOL_NAME.matcher(name).matches() || name.equals(DnisPools.DEFAULT)) {
                throw new ConfigException("Setting " + setting + " (" + settings.source(setting) + ") is invalid:"
                        + " a pool name must be 1 to 64 of a-z, 0-9 and '_', and not '" + DnisPools.DEFAULT + "'");
            }
            named.put(name, matched(settings, read, pool(read, name, setting, numbers)));
        }
        for (String setting : settings.namesStartingWith(POOL_MATCH)) {
            String name = setting.substring(POOL_MATCH.length());
            if (!name.equals(DnisPools.DEFAULT) && !named.containsKey(name)) {
                throw read.invalid(setting, "there is no pool '" + name + "'; configured pools: default and "
                        + named.keySet());
            }
        }
        try {
            return new DnisPools(defaultPool, named);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Setting " + MATCH + " is invalid for these pools: " + e.getMessage());
        }
    }

    /** The pool as cticache.match.<pool>, else cticache.match, says it is matched: by DNIS and ANI, or DNIS alone. */
    private static DnisPool matched(Settings settings, SettingReader read, DnisPool pool) {
        String setting = settings.get(POOL_MATCH + pool.name()).isPresent() ? POOL_MATCH + pool.name() : MATCH;
        return switch (read.string(setting).strip().toLowerCase(Locale.ROOT)) {
            case "dnis-ani" -> pool;
            case "dnis" -> pool.matchedByDnis();
            default -> throw read.invalid(setting, "it must be dnis-ani or dnis");
        };
    }

    private static DnisPool pool(SettingReader read, String name, String setting, NumberPlan numbers) {
        String definition = read.string(setting);
        try {
            return DnisPool.parse(name, definition, numbers);
        } catch (IllegalArgumentException e) {
            throw read.invalid(setting, e.getMessage());
        }
    }

    /** Settings that look like ours but are not known, most likely typos; worth a warning, not a failure. */
    public static Set<String> unknownNames(Settings settings) {
        Set<String> unknown = new TreeSet<>();
        settings.propertyAndParameterNames().stream()
                .filter(name -> !NAMES.contains(name) && !name.startsWith(NAMED_POOL) && !name.startsWith(POOL_MATCH))
                .forEach(unknown::add);
        Set<String> knownVariables = NAMES.stream().map(Settings::environmentName).collect(Collectors.toSet());
        String poolVariables = Settings.environmentName(NAMED_POOL);
        String matchVariables = Settings.environmentName(POOL_MATCH);
        settings.environmentNames().stream()
                .filter(name -> !knownVariables.contains(name) && !name.startsWith(poolVariables)
                        && !name.startsWith(matchVariables))
                .forEach(unknown::add);
        return unknown;
    }
}
