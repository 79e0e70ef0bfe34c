package org.cticache.core;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The configured pools: the default one and the named ones, each the DNIS range of one target system. */
public final class DnisPools {

    /** The name under which the default pool appears in responses and may be asked for. */
    public static final String DEFAULT = "default";

    private final Map<String, DnisPool> byName;

    public DnisPools(DnisPool defaultPool, Map<String, DnisPool> named) {
        Map<String, DnisPool> all = new TreeMap<>(named);
        all.put(DEFAULT, defaultPool);
        this.byName = Map.copyOf(all);
    }

    /** The pool a request names, the default pool when it names none; pool names match case-insensitively. */
    public DnisPool find(String name) {
        if (name == null) {
            return byName.get(DEFAULT);
        }
        DnisPool pool = byName.get(name.toLowerCase(Locale.ROOT));
        if (pool == null) {
            throw new InvalidInputException("pool '" + Abbreviation.of(name) + "' is not configured; configured pools: "
                    + new TreeMap<>(byName).keySet());
        }
        return pool;
    }

    public Map<String, DnisPool> all() {
        return new TreeMap<>(byName);
    }
}
