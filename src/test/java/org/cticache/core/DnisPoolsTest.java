package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnisPoolsTest {

    private final DnisPool defaultPool = DnisPool.parse(DnisPools.DEFAULT, "5551234500-5551234599");
    private final DnisPool sales = DnisPool.parse("sales", "5559870000-5559870009");
    private final DnisPool support = DnisPool.parse("support", "5554440000");
    private final DnisPools pools = new DnisPools(defaultPool, Map.of("sales", sales, "support", support));

    @Test
    void noNameMeansTheDefaultPool() {
        assertSame(defaultPool, pools.find(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "Default", "DEFAULT"})
    void defaultPoolCanAlsoBeNamed(String name) {
        assertSame(defaultPool, pools.find(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "Sales", "SALES", "sAlEs"})
    void poolNamesMatchCaseInsensitively(String name) {
        assertSame(sales, pools.find(name));
    }

    @Test
    void eachNamedPoolIsFoundByItsName() {
        assertSame(support, pools.find("support"));
    }

    @Test
    void unknownPoolIsRejectedListingTheConfiguredPools() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> pools.find("billing"));
        assertEquals("pool 'billing' is not configured; configured pools: [default, sales, support]", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " sales", "sales ", "sale"})
    void nearMissNamesAreUnknown(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> pools.find(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("[default, sales, support]"), e.getMessage());
    }

    @Test
    void onlyTheDefaultPoolWhenNoneAreNamed() {
        DnisPools only = new DnisPools(defaultPool, Map.of());
        assertSame(defaultPool, only.find(null));
        assertEquals(List.of(DnisPools.DEFAULT), List.copyOf(only.all().keySet()));
        assertTrue(assertThrows(InvalidInputException.class, () -> only.find("sales"))
                .getMessage().endsWith("configured pools: [default]"));
    }

    @Test
    void allListsEveryPoolByNameInOrder() {
        Map<String, DnisPool> all = pools.all();
        assertEquals(List.of("default", "sales", "support"), List.copyOf(all.keySet()));
        assertSame(defaultPool, all.get("default"));
        assertSame(sales, all.get("sales"));
    }

    @Test
    void theReturnedMapCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> pools.all().remove("sales"));
        assertSame(sales, pools.find("sales"));
    }

    @Test
    void poolsContainingADnisAreListedInNameOrder() {
        DnisPool shared = DnisPool.parse("shared", "5554440000,5551234500");
        DnisPools overlapping = new DnisPools(defaultPool, Map.of("support", support, "shared", shared));
        assertEquals(List.of(defaultPool, shared), overlapping.containing(new Dnis("5551234500")));
        assertEquals(List.of(shared, support), overlapping.containing(new Dnis("5554440000")));
        assertEquals(List.of(), overlapping.containing(new Dnis("5550000000")));
    }
}
