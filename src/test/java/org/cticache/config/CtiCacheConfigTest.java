package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPools;
import org.cticache.store.RedisOptions;
import org.cticache.store.RedisTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CtiCacheConfigTest {

    private static final String POOL = "5551234500-5551234599";
    private static final String PASSWORD = "Sup3rS3cretPw";

    /** Context parameters with the required default pool and then the given name/value pairs. */
    private static Map<String, String> parameters(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CtiCacheConfig.DNIS_POOL, POOL);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static CtiCacheConfig load(String... namesAndValues) {
        return CtiCacheConfig.load(new Settings(Map.of(), Map.of(), parameters(namesAndValues)));
    }

    private static ConfigException failure(String... namesAndValues) {
        return assertThrows(ConfigException.class, () -> load(namesAndValues));
    }

    private static RedisOptions redis(String uri) {
        return load(CtiCacheConfig.REDIS_URI, uri).redis();
    }

    // --- defaults -------------------------------------------------------------------------------------------

    @Test
    void onlyTheDefaultPoolIsNeededAndEverythingElseHasItsDefault() {
        CtiCacheConfig config = load();
        RedisOptions redis = config.redis();
        assertAll(
                () -> assertEquals("localhost", redis.host()),
                () -> assertEquals(6379, redis.port()),
                () -> assertNull(redis.user()),
                () -> assertNull(redis.password()),
                () -> assertEquals(0, redis.database()),
                () -> assertFalse(redis.ssl()),
                () -> assertEquals(2000, redis.timeoutMillis()),
                () -> assertEquals(2000, redis.connectTimeoutMillis(), "connect-timeout defaults to timeout"),
                () -> assertEquals(2000, redis.poolMaxWaitMillis(), "pool.max-wait defaults to timeout"),
                () -> assertEquals(64, redis.poolMaxTotal()),
                () -> assertEquals(64, redis.poolMaxIdle(), "max-idle defaults to max-total"),
                () -> assertEquals(0, redis.poolMinIdle()),
                () -> assertEquals("cticache:", config.keyPrefix()),
                () -> assertEquals(60, config.ttl().defaultSeconds()),
                () -> assertEquals(3600, config.ttl().maxSeconds()),
                () -> assertEquals(16384, config.bodyMaxBytes()),
                () -> assertEquals(Set.of(DnisPools.DEFAULT), config.pools().all().keySet()),
                () -> assertEquals(100, config.pools().find(null).size()));
    }

    @Test
    void everySettingCanBeChanged() {
        CtiCacheConfig config = load(
                CtiCacheConfig.REDIS_URI, "redis://redis.example:6380/3",
                CtiCacheConfig.REDIS_PREFIX, "cc-test:",
                CtiCacheConfig.REDIS_TIMEOUT, "500",
                CtiCacheConfig.REDIS_POOL_MAX_TOTAL, "10",
                CtiCacheConfig.REDIS_POOL_MAX_IDLE, "8",
                CtiCacheConfig.REDIS_POOL_MIN_IDLE, "2",
                "cticache.redis.pool.idle-check", "5000",
                CtiCacheConfig.TTL_DEFAULT, "30",
                CtiCacheConfig.TTL_MAX, "120",
                CtiCacheConfig.BODY_MAX, "1024");
        assertEquals(new RedisOptions(RedisTopology.STANDALONE, "redis.example", 6380, null, null, 3, false, 500, 500,
                500, 10, 8, 2, 5000, 0, 500), config.redis());
        assertEquals("cc-test:", config.keyPrefix());
        assertEquals(30, config.ttl().defaultSeconds());
        assertEquals(120, config.ttl().maxSeconds());
        assertEquals(1024, config.bodyMaxBytes());
    }

    @Test
    void whitespaceAroundANumberIsIgnored() {
        assertEquals(120, load(CtiCacheConfig.TTL_DEFAULT, " 120 ").ttl().defaultSeconds());
    }

    @Test
    void eachWayOfGivingSettingsIsReadAtOnce() {
        Settings settings = new Settings(Map.of(CtiCacheConfig.TTL_DEFAULT, "10"),
                Map.of("CTICACHE_TTL_MAX", "200"), parameters(CtiCacheConfig.POOL_WARN, "50"));
        CtiCacheConfig config = CtiCacheConfig.load(settings);
        assertEquals(10, config.ttl().defaultSeconds());
        assertEquals(200, config.ttl().maxSeconds());
        assertEquals(50, config.poolWarnPercent());
    }

    @Test
    void aSettingGivenTwoWaysWithDifferentValuesFailsTheLoad() {
        Settings settings = new Settings(Map.of(CtiCacheConfig.TTL_DEFAULT, "10"), Map.of(),
                parameters(CtiCacheConfig.TTL_DEFAULT, "30"));
        ConfigException e = assertThrows(ConfigException.class, () -> CtiCacheConfig.load(settings));
        assertTrue(e.getMessage().startsWith("Setting cticache.ttl.default is given 2 ways"), e.getMessage());
    }

    // --- the default pool -----------------------------------------------------------------------------------

    @Test
    void missingDefaultPoolFailsNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> CtiCacheConfig.load(new Settings(Map.of(), Map.of(), Map.of())));
        assertTrue(e.getMessage().startsWith("Setting cticache.dnis.pool is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("CTICACHE_DNIS_POOL"), e.getMessage());
    }

    @Test
    void namedPoolsDoNotReplaceTheDefaultPool() {
        ConfigException e = assertThrows(ConfigException.class, () -> CtiCacheConfig.load(
                new Settings(Map.of(), Map.of(), Map.of("cticache.dnis.pool.sales", "100"))));
        assertTrue(e.getMessage().startsWith("Setting cticache.dnis.pool is not set"), e.getMessage());
    }

    @Test
    void defaultPoolFromTheEnvironment() {
        CtiCacheConfig config = CtiCacheConfig.load(
                new Settings(Map.of(), Map.of("CTICACHE_DNIS_POOL", "100-102"), Map.of()));
        assertEquals(List.of(new Dnis("100"), new Dnis("101"), new Dnis("102")), config.pools().find(null).numbers());
    }

    // --- invalid values -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cticache.redis.timeout         | 0",
            "cticache.redis.timeout         | abc",
            "cticache.redis.timeout         | 600001",
            "cticache.redis.timeout         | 2s",
            "cticache.redis.connect-timeout | 0",
            "cticache.redis.connect-timeout | 600001",
            "cticache.redis.pool.max-wait   | 0",
            "cticache.redis.pool.max-wait   | 1s",
            "cticache.redis.pool.max-total  | 0",
            "cticache.redis.pool.max-total  | 10001",
            "cticache.redis.pool.max-idle   | -1",
            "cticache.redis.pool.max-idle   | 65",
            "cticache.redis.pool.min-idle   | -1",
            "cticache.redis.pool.min-idle   | 65",
            "cticache.redis.pool.idle-check | -1",
            "cticache.redis.pool.idle-check | 3600001",
            "cticache.redis.pool.idle-check | 30s",
            "cticache.ttl.default           | 0",
            "cticache.ttl.default           | -60",
            "cticache.ttl.default           | 3601",
            "cticache.ttl.default           | 1.5",
            "cticache.ttl.default           | ''",
            "cticache.ttl.max               | 0",
            "cticache.ttl.max               | 2147483648",
            "cticache.body.max              | 63",
            "cticache.body.max              | 16777217",
            "cticache.body.max              | 16k",
            "cticache.redis.prefix          | {cticache}:",
            "cticache.redis.prefix          | cti}",
            "cticache.redis.prefix          | 'cti cache:'",
            "cticache.dnis.pool             | 5551234599-5551234500",
            "cticache.dnis.pool             | abc",
            "cticache.dnis.pool             | ''",
            "cticache.dnis.pool             | '100,100'",
            "cticache.dnis.pool.sales       | '100,,200'",
    })
    void invalidValueFailsNamingTheSettingItsSourceAndTheValue(String setting, String value) {
        ConfigException e = failure(setting, value);
        assertTrue(e.getMessage().startsWith("Setting " + setting + " (context parameter " + setting + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void numberMessageSaysTheAllowedRange() {
        assertEquals("Setting cticache.body.max (context parameter cticache.body.max) has the invalid value '63':"
                + " it must be a whole number from 64 to 16777216", failure(CtiCacheConfig.BODY_MAX, "63").getMessage());
    }

    @Test
    void badValueFromTheEnvironmentNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> CtiCacheConfig.load(
                new Settings(Map.of(), Map.of("CTICACHE_TTL_MAX", "forever"), parameters())));
        assertTrue(e.getMessage().startsWith("Setting cticache.ttl.max (environment variable CTICACHE_TTL_MAX)"
                + " has the invalid value 'forever'"), e.getMessage());
    }

    @Test
    void badValueFromASystemPropertyNamesTheProperty() {
        ConfigException e = assertThrows(ConfigException.class, () -> CtiCacheConfig.load(
                new Settings(Map.of("cticache.redis.timeout", "-1"), Map.of(), parameters())));
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.timeout (system property"
                + " cticache.redis.timeout) has the invalid value '-1'"), e.getMessage());
    }

    @Test
    void minIdleAboveAConfiguredMaxIdleFails() {
        ConfigException e = failure(CtiCacheConfig.REDIS_POOL_MAX_IDLE, "4", CtiCacheConfig.REDIS_POOL_MIN_IDLE, "5");
        assertTrue(e.getMessage().contains("cticache.redis.pool.min-idle"), e.getMessage());
        assertTrue(e.getMessage().contains("from 0 to 4"), e.getMessage());
    }

    @Test
    void ttlDefaultAboveTtlMaxFails() {
        ConfigException e = failure(CtiCacheConfig.TTL_DEFAULT, "120", CtiCacheConfig.TTL_MAX, "60");
        assertTrue(e.getMessage().startsWith("Setting cticache.ttl.default"), e.getMessage());
        assertTrue(e.getMessage().contains("'120'"), e.getMessage());
        assertTrue(e.getMessage().contains("must not exceed cticache.ttl.max (60)"), e.getMessage());
    }

    @Test
    void ttlMaxBelowTheBuiltInDefaultTtlNamesTtlMax() {
        ConfigException e = failure(CtiCacheConfig.TTL_MAX, "30");
        assertTrue(e.getMessage().startsWith("Setting cticache.ttl.max (context parameter cticache.ttl.max)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("below the default ttl of 60 seconds"), e.getMessage());
    }

    @Test
    void userAndPasswordAreReadBesideAHostWithUnderscore() {
        RedisOptions redis = redis("redis://cti:s%40cret@redis_cache");
        assertEquals("redis_cache", redis.host());
        assertEquals(6379, redis.port());
        assertEquals("cti", redis.user());
        assertEquals("s@cret", redis.password());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertTrue(redis("REDISS://redis.example").ssl());
    }

    @Test
    void aMixedCaseEnvironmentVariableStillDefinesItsPool() {
        CtiCacheConfig config = CtiCacheConfig.load(new Settings(Map.of(),
                Map.of("CTICACHE_DNIS_POOL_Sales", "5550001000-5550001009"), parameters()));
        assertEquals(10, config.pools().find("sales").size());
    }

    @Test
    void ttlDefaultEqualToTtlMaxIsAllowed() {
        CtiCacheConfig config = load(CtiCacheConfig.TTL_DEFAULT, "90", CtiCacheConfig.TTL_MAX, "90");
        assertEquals(90, config.ttl().defaultSeconds());
        assertEquals(90, config.ttl().maxSeconds());
    }

    @Test
    void badPoolDefinitionSaysWhatIsWrong() {
        ConfigException e = failure(CtiCacheConfig.DNIS_POOL, "200-100");
        assertTrue(e.getMessage().endsWith("range 200-100 runs backwards"), e.getMessage());
    }

    // --- key prefix -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "cti{", "a{b}c", "cti\tcache", "cti\ncache"})
    void keyPrefixWithBracesOrWhitespaceFails(String prefix) {
        ConfigException e = failure(CtiCacheConfig.REDIS_PREFIX, prefix);
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.prefix"), e.getMessage());
        assertTrue(e.getMessage().contains("hash tag"), e.getMessage());
    }

    @Test
    void keyPrefixOfAHundredCharactersIsAllowedButNotMore() {
        assertEquals("p".repeat(100), load(CtiCacheConfig.REDIS_PREFIX, "p".repeat(100)).keyPrefix());
        failure(CtiCacheConfig.REDIS_PREFIX, "p".repeat(101));
    }

    @Test
    void keyPrefixMayHoldColonsAndDashes() {
        assertEquals("prod-eu:cticache:", load(CtiCacheConfig.REDIS_PREFIX, "prod-eu:cticache:").keyPrefix());
    }

    // --- Redis URI ------------------------------------------------------------------------------------------

    @Test
    void hostAloneGetsTheDefaultPortAndDatabase() {
        RedisOptions redis = redis("redis://redis.example");
        assertEquals("redis.example", redis.host());
        assertEquals(6379, redis.port());
        assertEquals(0, redis.database());
        assertNull(redis.user());
        assertNull(redis.password());
        assertFalse(redis.ssl());
    }

    @Test
    void portAndDatabaseAreRead() {
        RedisOptions redis = redis("redis://redis.example:6380/2");
        assertEquals("redis.example", redis.host());
        assertEquals(6380, redis.port());
        assertEquals(2, redis.database());
    }

    @Test
    void slashAloneIsDatabaseZero() {
        assertEquals(0, redis("redis://redis.example:6380/").database());
    }

    @Test
    void userAndPasswordAreRead() {
        RedisOptions redis = redis("redis://cti:" + PASSWORD + "@redis.example");
        assertEquals("cti", redis.user());
        assertEquals(PASSWORD, redis.password());
        assertEquals("redis.example", redis.host());
    }

    @Test
    void passwordWithoutUserIsRead() {
        RedisOptions redis = redis("redis://:" + PASSWORD + "@redis.example:6390/1");
        assertNull(redis.user());
        assertEquals(PASSWORD, redis.password());
        assertEquals(6390, redis.port());
        assertEquals(1, redis.database());
    }

    @Test
    void userInfoWithoutColonIsAPassword() {
        RedisOptions redis = redis("redis://" + PASSWORD + "@redis.example");
        assertNull(redis.user());
        assertEquals(PASSWORD, redis.password());
    }

    @Test
    void percentEncodedPasswordIsDecoded() {
        assertEquals("p@ss:w/rd", redis("redis://cti:p%40ss%3Aw%2Frd@redis.example").password());
    }

    @Test
    void emptyPasswordMeansNone() {
        RedisOptions redis = redis("redis://cti:@redis.example");
        assertEquals("cti", redis.user());
        assertNull(redis.password());
    }

    @Test
    void redissMeansTls() {
        RedisOptions redis = redis("rediss://redis.example:6380");
        assertTrue(redis.ssl());
        assertEquals(6380, redis.port());
        assertEquals("redis.example", redis.host());
    }

    @Test
    void bracketedIpv6HostIsUnbracketed() {
        RedisOptions redis = redis("redis://[::1]:6380/4");
        assertEquals("::1", redis.host());
        assertEquals(6380, redis.port());
        assertEquals(4, redis.database());
        assertEquals(6379, redis("redis://[2001:db8::7]").port());
        assertEquals("2001:db8::7", redis("redis://[2001:db8::7]").host());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals("redis.example", redis("  redis://redis.example:6379  ").host());
    }

    @Test
    void redisUriFromTheEnvironment() {
        CtiCacheConfig config = CtiCacheConfig.load(new Settings(Map.of(),
                Map.of("CTICACHE_REDIS_URI", "rediss://cache.internal:7000/5"), parameters()));
        assertEquals(new RedisOptions(RedisTopology.STANDALONE, "cache.internal", 7000, null, null, 5, true, 2000, 2000,
                2000, 64, 64, 0, 30000, 0, 500), config.redis());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://redis.example:6379         | it must start with redis://",
            "redis.example:6379                | it must start with redis://",
            "localhost                         | it must start with redis://",
            "redis://redis.example?db=1        | query parameters",
            "redis://redis.example:6379/0?ssl=1| query parameters",
            "redis://redis.example#main        | fragments",
            "redis://                          | not a URI",
            "redis:///0                        | no host",
            "redis:redis.example               | no host",
            "redis://redis.example:port        | the port must be a number",
            "redis://redis.example/db          | database number",
            "redis://redis.example/-1          | database number",
            "redis://redis.example/1/2         | database number",
            "redis://redis example             | not a URI",
    })
    void badRedisUriFailsNamingTheSettingAndTheProblem(String uri, String problem) {
        ConfigException e = failure(CtiCacheConfig.REDIS_URI, uri);
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.uri (context parameter cticache.redis.uri)"
                + " is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://redis.example:99999", "redis://redis.example:65536", "redis://redis.example:0"})
    void portOutsideOneTo65535Fails(String uri) {
        ConfigException e = failure(CtiCacheConfig.REDIS_URI, uri);
        assertTrue(e.getMessage().startsWith("Setting cticache.redis.uri"), e.getMessage());
    }

    @Test
    void hostWithUnderscoreIsAccepted() {
        RedisOptions redis = redis("redis://redis_cache:6380/1");
        assertEquals("redis_cache", redis.host());
        assertEquals(6380, redis.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "redis://cti:" + PASSWORD + "@redis.example?timeout=5",
            "http://cti:" + PASSWORD + "@redis.example",
            "redis://cti:" + PASSWORD + "@redis.example/db0",
            "redis://cti:" + PASSWORD + "@redis.example#x",
            "redis://:" + PASSWORD + "@/0",
            "redis://cti:" + PASSWORD + "@redis.example:port",
            "redis://cti:" + PASSWORD + " @redis.example",
            "redis://cti:" + PASSWORD + "@redis example",
            "redis://cti:" + PASSWORD + "@[::1",
            PASSWORD + "@redis.example",
    })
    void badRedisUriNeverEchoesThePassword(String uri) {
        ConfigException e = failure(CtiCacheConfig.REDIS_URI, uri);
        assertTrue(e.getMessage().contains("cticache.redis.uri"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("S3cret"), e.getMessage());
        assertFalse(e.toString().contains(PASSWORD), e.toString());
        assertNull(e.getCause(), "a cause could carry the URI");
    }

    @Test
    void redisOptionsNeverPrintThePassword() {
        RedisOptions redis = redis("rediss://cti:" + PASSWORD + "@redis.example:6380/1");
        assertFalse(redis.toString().contains(PASSWORD), redis.toString());
        assertEquals("rediss://cti@redis.example:6380/1 (with password)", redis.toString());
    }

    // --- named pools ----------------------------------------------------------------------------------------

    @Test
    void namedPoolsFromContextParameters() {
        CtiCacheConfig config = load("cticache.dnis.pool.sales", "5559870000-5559870009",
                "cticache.dnis.pool.east_coast_2", "5554440000");
        DnisPools pools = config.pools();
        assertEquals(Set.of("default", "sales", "east_coast_2"), pools.all().keySet());
        assertEquals(10, pools.find("sales").size());
        assertEquals("sales", pools.find("SALES").name());
        assertEquals(List.of(new Dnis("5554440000")), pools.find("east_coast_2").numbers());
        assertEquals(DnisPools.DEFAULT, pools.find(null).name());
    }

    @Test
    void namedPoolsFromEnvironmentVariables() {
        CtiCacheConfig config = CtiCacheConfig.load(new Settings(Map.of(),
                Map.of("CTICACHE_DNIS_POOL_SUPPORT", "100-104", "CTICACHE_DNIS_POOL_EAST_COAST", "200"),
                parameters()));
        assertEquals(Set.of("default", "support", "east_coast"), config.pools().all().keySet());
        assertEquals(5, config.pools().find("support").size());
        assertEquals(List.of(new Dnis("200")), config.pools().find("east_coast").numbers());
    }

    @Test
    void namedPoolFromASystemProperty() {
        CtiCacheConfig config = CtiCacheConfig.load(new Settings(Map.of("cticache.dnis.pool.billing", "300-301"),
                Map.of(), parameters()));
        assertEquals(2, config.pools().find("billing").size());
    }

    @Test
    void aNamedPoolFromTheEnvironmentAndTheSameFromAContextParameterIsOnePool() {
        CtiCacheConfig config = CtiCacheConfig.load(new Settings(Map.of(),
                Map.of("CTICACHE_DNIS_POOL_SALES", "900"), parameters("cticache.dnis.pool.sales", "900")));
        assertEquals(List.of(new Dnis("900")), config.pools().find("sales").numbers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cticache.dnis.pool.Sales", "cticache.dnis.pool.SALES", "cticache.dnis.pool.default",
            "cticache.dnis.pool.sales-east", "cticache.dnis.pool.sales.east", "cticache.dnis.pool.",
            "cticache.dnis.pool.caf\u00e9"})
    void badPoolNameFailsNamingTheSetting(String setting) {
        ConfigException e = failure(setting, "100");
        assertTrue(e.getMessage().startsWith("Setting " + setting + " (context parameter " + setting + ") is invalid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a pool name must be 1 to 64 of a-z, 0-9 and '_'"), e.getMessage());
    }

    @Test
    void poolNameOfSixtyFourCharactersIsAllowedButNotMore() {
        String name = "p".repeat(64);
        assertEquals(name, load("cticache.dnis.pool." + name, "100").pools().find(name).name());
        failure("cticache.dnis.pool." + name + "p", "100");
    }

    @Test
    void defaultPoolCannotBeRedefinedFromTheEnvironment() {
        ConfigException e = assertThrows(ConfigException.class, () -> CtiCacheConfig.load(
                new Settings(Map.of(), Map.of("CTICACHE_DNIS_POOL_DEFAULT", "100"), parameters())));
        assertTrue(e.getMessage().startsWith("Setting cticache.dnis.pool.default (environment variable"
                + " CTICACHE_DNIS_POOL_DEFAULT) is invalid"), e.getMessage());
    }

    @Test
    void badNamedPoolDefinitionNamesThatPool() {
        ConfigException e = failure("cticache.dnis.pool.sales", "100-99x");
        assertTrue(e.getMessage().startsWith("Setting cticache.dnis.pool.sales"), e.getMessage());
        assertTrue(e.getMessage().contains("'100-99x'"), e.getMessage());
    }

    // --- unknown names --------------------------------------------------------------------------------------

    @Test
    void typosAreReportedAsUnknownNames() {
        Settings settings = new Settings(Map.of("cticache.body.maximum", "1"),
                Map.of("CTICACHE_TTL_DEFUALT", "30", "PATH", "/usr/bin"),
                parameters("cticache.ttl.defualt", "30"));
        assertEquals(Set.of("cticache.body.maximum", "cticache.ttl.defualt", "CTICACHE_TTL_DEFUALT"),
                CtiCacheConfig.unknownNames(settings));
    }

    @Test
    void knownNamesAndPoolsAreNotUnknown() {
        Map<String, String> parameters = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        for (String name : CtiCacheConfig.NAMES) {
            parameters.put(name, "x");
            environment.put(Settings.environmentName(name), "x");
        }
        parameters.put("cticache.dnis.pool.sales", "100");
        environment.put("CTICACHE_DNIS_POOL_SUPPORT", "200");
        environment.put("HOME", "/root");
        Settings settings = new Settings(Map.of("cticache.dnis.pool.billing", "300", CtiCacheConfig.TTL_MAX, "9"),
                environment, parameters);
        assertEquals(Set.of(), CtiCacheConfig.unknownNames(settings));
    }

    @Test
    void unknownNamesAreOnlyAWarningNotAFailure() {
        CtiCacheConfig config = load("cticache.ttl.defualt", "30");
        assertEquals(60, config.ttl().defaultSeconds());
    }
}
