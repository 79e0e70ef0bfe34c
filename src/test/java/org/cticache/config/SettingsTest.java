package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Precedence and naming of the raw settings; built from plain maps, never from this JVM's real environment. */
class SettingsTest {

    private static final String TTL = "cticache.ttl.default";

    @Test
    void systemPropertyWinsOverEnvironmentAndContextParameter() {
        Settings settings = new Settings(Map.of(TTL, "1"), Map.of("CTICACHE_TTL_DEFAULT", "2"), Map.of(TTL, "3"));
        assertEquals(Optional.of("1"), settings.get(TTL));
        assertEquals("system property cticache.ttl.default", settings.source(TTL));
    }

    @Test
    void environmentVariableWinsOverContextParameter() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_TTL_DEFAULT", "2"), Map.of(TTL, "3"));
        assertEquals(Optional.of("2"), settings.get(TTL));
        assertEquals("environment variable CTICACHE_TTL_DEFAULT", settings.source(TTL));
    }

    @Test
    void contextParameterIsUsedWhenNothingOverridesIt() {
        Settings settings = new Settings(Map.of(), Map.of(), Map.of(TTL, "3"));
        assertEquals(Optional.of("3"), settings.get(TTL));
        assertEquals("context parameter cticache.ttl.default", settings.source(TTL));
    }

    @Test
    void systemPropertyWinsOverContextParameterWithoutEnvironment() {
        Settings settings = new Settings(Map.of(TTL, "1"), Map.of(), Map.of(TTL, "3"));
        assertEquals(Optional.of("1"), settings.get(TTL));
    }

    @Test
    void absentSettingIsEmptyAndComesFromTheBuiltInDefault() {
        Settings settings = new Settings(Map.of(), Map.of("PATH", "/usr/bin"), Map.of());
        assertEquals(Optional.empty(), settings.get(TTL));
        assertEquals("built-in default", settings.source(TTL));
    }

    @Test
    void emptyValueIsPresentAndStillWins() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_REDIS_PREFIX", ""),
                Map.of("cticache.redis.prefix", "cticache:"));
        assertEquals(Optional.of(""), settings.get("cticache.redis.prefix"));
    }

    @ParameterizedTest
    @CsvSource({
            "cticache.redis.uri,            CTICACHE_REDIS_URI",
            "cticache.redis.pool.max-total, CTICACHE_REDIS_POOL_MAX_TOTAL",
            "cticache.dnis.pool.sales,      CTICACHE_DNIS_POOL_SALES",
            "cticache.dnis.pool.east_coast, CTICACHE_DNIS_POOL_EAST_COAST",
    })
    void environmentNameIsUpperCasedWithDotsAndDashesAsUnderscores(String setting, String variable) {
        assertEquals(variable, Settings.environmentName(setting));
        Settings settings = new Settings(Map.of(), Map.of(variable, "v"), Map.of());
        assertEquals(Optional.of("v"), settings.get(setting));
        assertEquals("environment variable " + variable, settings.source(setting));
    }

    @Test
    void environmentVariableUnderTheSettingsOwnNameIsNotRead() {
        // Only the upper-cased form is an override; a lower-case variable of the dotted name is not.
        Settings settings = new Settings(Map.of(), Map.of(TTL, "2"), Map.of(TTL, "3"));
        assertEquals(Optional.of("3"), settings.get(TTL));
    }

    @Test
    void namesStartingWithMapsEnvironmentVariablesBackToSettingNames() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_DNIS_POOL_SALES", "100"), Map.of());
        assertEquals(Set.of("cticache.dnis.pool.sales"), settings.namesStartingWith("cticache.dnis.pool."));
        assertEquals(Optional.of("100"), settings.get("cticache.dnis.pool.sales"));
    }

    @Test
    void namesStartingWithCombinesAllSourcesWithoutDuplicates() {
        Settings settings = new Settings(
                Map.of("cticache.dnis.pool.a", "1", "cticache.ttl.max", "9"),
                Map.of("CTICACHE_DNIS_POOL_B", "2", "CTICACHE_DNIS_POOL_A", "1", "CTICACHE_DNIS_POOL", "5",
                        "PATH", "/usr/bin"),
                Map.of("cticache.dnis.pool.c", "3", "cticache.dnis.pool", "5"));
        assertEquals(Set.of("cticache.dnis.pool.a", "cticache.dnis.pool.b", "cticache.dnis.pool.c"),
                settings.namesStartingWith("cticache.dnis.pool."));
    }

    @Test
    void propertyAndParameterNamesAreOnlyOurs() {
        Settings settings = new Settings(Map.of("cticache.ttl.max", "9", "java.home", "/jdk"),
                Map.of("CTICACHE_TTL_DEFAULT", "1"), Map.of("cticache.body.max", "100", "other.param", "x"));
        assertEquals(Set.of("cticache.ttl.max", "cticache.body.max"), settings.propertyAndParameterNames());
    }

    @Test
    void environmentNamesAreOnlyOursAsSet() {
        Settings settings = new Settings(Map.of("cticache.ttl.max", "9"),
                Map.of("CTICACHE_TTL_DEFAULT", "1", "PATH", "/usr/bin", "HOME", "/root"), Map.of());
        assertEquals(Set.of("CTICACHE_TTL_DEFAULT"), settings.environmentNames());
    }

    @Test
    void settingsAreACopyOfTheMapsTheyWereBuiltFrom() {
        Map<String, String> parameters = new HashMap<>(Map.of(TTL, "3"));
        Settings settings = new Settings(Map.of(), Map.of(), parameters);
        parameters.put(TTL, "4");
        assertEquals(Optional.of("3"), settings.get(TTL));
        assertTrue(settings.propertyAndParameterNames().contains(TTL));
    }

    @Test
    void aSettingGivenTwoWaysWithDifferentValuesFailsNamingBothWaysButNoValue() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_POOL_WARN", "80"),
                Map.of("cticache.pool.warn", "50"));

        ConfigException e = assertThrows(ConfigException.class, settings::requireOneValueEach);

        assertEquals("Setting cticache.pool.warn is given 2 ways with different values: environment variable"
                + " CTICACHE_POOL_WARN and context parameter cticache.pool.warn; the first would silently win."
                + " Give it one way only.", e.getMessage());
    }

    @Test
    void aSecretGivenThreeWaysIsNamedWithoutItsValues() {
        String key = "cticache.crypto.key";
        Settings settings = new Settings(Map.of(key, "secret-one"), Map.of("CTICACHE_CRYPTO_KEY", "secret-two"),
                Map.of(key, "secret-one"));

        String message = assertThrows(ConfigException.class, settings::requireOneValueEach).getMessage();

        assertTrue(message.contains("system property cticache.crypto.key, environment variable CTICACHE_CRYPTO_KEY"
                + " and context parameter cticache.crypto.key"), message);
        assertFalse(message.contains("secret"), message);
    }

    @Test
    void aNamedPoolInTheEnvironmentAndAsContextParameterIsOneSetting() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_DNIS_POOL_SALES", "5550000001"),
                Map.of("cticache.dnis.pool.sales", "5550000002"));

        assertThrows(ConfigException.class, settings::requireOneValueEach);
    }

    @Test
    void theSameValueGivenTwoWaysIsAccepted() {
        Settings settings = new Settings(Map.of(TTL, "45"), Map.of("CTICACHE_TTL_DEFAULT", "45"), Map.of(TTL, "45"));

        settings.requireOneValueEach();
        assertEquals(Optional.of("45"), settings.get(TTL));
    }

    @Test
    void theWaysSettingsAreGivenAreDescribedByNameOnly() {
        Settings settings = new Settings(Map.of("cticache.redis.uri", "redis://:secret@redis"),
                Map.of("CTICACHE_CRYPTO_KEY", "secret"), Map.of());

        assertEquals("system properties cticache.redis.uri; environment CTICACHE_CRYPTO_KEY; context parameters"
                + " (none)", settings.describeWays());
    }
}
