package org.cticache.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The configured pools: the default one and the named ones, each the DNIS range of one target system. */
public final class DnisPools {

    /** The name under which the default pool appears in responses and may be asked for. */
    public static final String DEFAULT = "default";

    private final SortedMap<String, DnisPool> byName;
    private final Map<Dnis, DnisPool> matchedByDnis;
    private final Map<Dnis, List<DnisPool>> byDnis;

    /** Throws IllegalArgumentException when a DNIS of a pool matched by DNIS alone is in any other pool too. */
    public DnisPools(DnisPool defaultPool, Map<String, DnisPool> named) {
        TreeMap<String, DnisPool> all = new TreeMap<>(named);
        all.put(DEFAULT, defaultPool);
        this.byName = Collections.unmodifiableSortedMap(all);
        Map<Dnis, DnisPool> byDnis = new HashMap<>();
        Map<Dnis, List<DnisPool>> listing = new HashMap<>();
        for (DnisPool pool : all.values()) {
            for (Dnis dnis : pool.numbers()) {
                listing.computeIfAbsent(dnis, d -> new ArrayList<>()).add(pool);
            }
            if (pool.isMatchedByDnis()) {
                pool.numbers().forEach(dnis -> byDnis.put(dnis, pool));
            }
        }
        // A call on a DNIS of a pool matched by DNIS is looked up by the DNIS alone: an entry some other pool stored
        // there under <dnis>:<ani> would never be found, so such a DNIS belongs to its pool only.
        byDnis.forEach((dnis, pool) -> {
            List<DnisPool> owners = listing.get(dnis);
            if (owners.size() > 1) {
                throw new IllegalArgumentException("DNIS " + dnis + " is in pools '" + owners.get(0).name() + "' and '"
                        + owners.get(1).name() + "', and '" + pool.name() + "' is matched by DNIS alone: a call on it"
                        + " could not tell which entry it belongs to; a DNIS of such a pool may be in no other pool");
            }
        });
        this.matchedByDnis = Map.copyOf(byDnis);
        listing.replaceAll((dnis, owners) -> List.copyOf(owners));
        this.byDnis = Map.copyOf(listing);
    }

    /** The pool a request names, the default pool when it names none; pool names match case-insensitively. */
    public DnisPool find(String name) {
        if (name == null) {
            return byName.get(DEFAULT);
        }
        DnisPool pool = byName.get(name.toLowerCase(Locale.ROOT));
        if (pool == null) {
            throw new InvalidInputException("pool '" + Abbreviation.of(name) + "' is not configured; configured pools: "
                    + byName.keySet());
        }
        return pool;
    }

    /** The pool matched by DNIS alone that holds this DNIS, if any. */
    public Optional<DnisPool> poolMatchedByDnis(Dnis dnis) {
        return Optional.ofNullable(matchedByDnis.get(dnis));
    }

    /** The pools that list this DNIS, in name order: usually one, none for a number outside every pool. */
    public List<DnisPool> containing(Dnis dnis) {
        return byDnis.getOrDefault(dnis, List.of());
    }

    /** Every pool by name, in name order. */
    public SortedMap<String, DnisPool> all() {
        return byName;
    }
}
