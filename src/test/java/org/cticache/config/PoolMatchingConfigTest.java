package org.cticache.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.cticache.core.DnisPools;
import org.junit.jupiter.api.Test;

class PoolMatchingConfigTest {

    private static DnisPools pools(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CtiCacheConfig.DNIS_POOL, "5551234500-5551234509");
        parameters.put("cticache.dnis.pool.sales", "5559870000-5559870009");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CtiCacheConfig.load(new Settings(Map.of(), Map.of(), parameters)).pools();
    }

    @Test
    void everyPoolMatchesByDnisAndAniByDefault() {
        DnisPools pools = pools();
        assertFalse(pools.find(null).isMatchedByDnis());
        assertFalse(pools.find("sales").isMatchedByDnis());
    }

    @Test
    void cticacheMatchSetsEveryPoolAndAPoolSettingOverridesIt() {
        DnisPools pools = pools("cticache.match", "DNIS", "cticache.match.sales", "dnis-ani");
        assertTrue(pools.find(null).isMatchedByDnis());
        assertFalse(pools.find("sales").isMatchedByDnis());
        assertTrue(pools.poolMatchedByDnis(pools.find(null).numbers().get(0)).isPresent());
    }

    @Test
    void aMatchSettingForAnUnknownPoolFailsNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> pools("cticache.match.nosuch", "dnis"));
        assertTrue(e.getMessage().startsWith("Setting cticache.match.nosuch"), e.getMessage());
    }

    @Test
    void anUnknownMatchModeFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> pools("cticache.match", "ani"));
        assertTrue(e.getMessage().contains("dnis-ani or dnis"), e.getMessage());
    }

    @Test
    void aDnisInTwoPoolsMatchedByDnisFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> pools("cticache.match", "dnis",
                "cticache.dnis.pool.sales", "5551234505-5551234515"));
        assertTrue(e.getMessage().contains("DNIS 5551234505"), e.getMessage());
    }

    @Test
    void aDnisOfAPoolMatchedByDnisInAnyOtherPoolFailsNamingTheNumberAndBothPools() {
        ConfigException e = assertThrows(ConfigException.class, () -> pools("cticache.match.sales", "dnis",
                "cticache.dnis.pool.sales", "5551234509-5551234515"));
        assertTrue(e.getMessage().contains("DNIS 5551234509 is in pools 'default' and 'sales'"), e.getMessage());
        assertTrue(e.getMessage().contains("matched by DNIS alone"), e.getMessage());
    }

    @Test
    void perPoolMatchSettingsAreNoTypos() {
        Settings settings = new Settings(Map.of(), Map.of("CTICACHE_MATCH_SALES", "dnis"),
                Map.of("cticache.match.default", "dnis"));
        assertTrue(CtiCacheConfig.unknownNames(settings).isEmpty(), CtiCacheConfig.unknownNames(settings).toString());
    }
}
