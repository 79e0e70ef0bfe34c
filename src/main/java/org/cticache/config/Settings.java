package org.cticache.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The raw settings, each given one of three ways: Java system property, environment variable (name upper-cased,
 * '.' and '-' as '_'), or servlet context parameter (Tomcat {@code <Parameter>}, Jetty's init parameters and
 * override descriptor; web.xml declares none, so none is shadowed there). A setting given two ways with different
 * values fails the deployment ({@link #requireOneValueEach}), since one way would be silently ignored.
 */
public final class Settings {

    static final String PREFIX = "cticache.";

    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Map<String, String> contextParameters;

    Settings(Map<String, String> systemProperties, Map<String, String> environment,
             Map<String, String> contextParameters) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = upperCased(environment);
        this.contextParameters = Map.copyOf(contextParameters);
    }

    /** The settings as this JVM and its environment see them now, over the web application's context parameters. */
    public static Settings of(Map<String, String> contextParameters) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> properties.put(name, System.getProperty(name)));
        Map<String, String> parameters = new HashMap<>();
        contextParameters.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                parameters.put(name, value);
            }
        });
        return new Settings(properties, System.getenv(), parameters);
    }

    /** Variable names are matched ignoring case, so CTICACHE_DNIS_POOL_Sales still defines pool "sales". */
    private static Map<String, String> upperCased(Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        String prefix = environmentName(PREFIX);
        environment.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.startsWith(prefix)) {
                variables.put(upper, value);
            }
        });
        return Map.copyOf(variables);
    }

    static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> get(String name) {
        String value = systemProperties.get(name);
        if (value == null) {
            value = environment.get(environmentName(name));
        }
        if (value == null) {
            value = contextParameters.get(name);
        }
        return Optional.ofNullable(value);
    }

    /** Where the effective value of a setting comes from, for messages an administrator can act on. */
    String source(String name) {
        if (systemProperties.containsKey(name)) {
            return "system property " + name;
        }
        if (environment.containsKey(environmentName(name))) {
            return "environment variable " + environmentName(name);
        }
        if (contextParameters.containsKey(name)) {
            return "context parameter " + name;
        }
        return "built-in default";
    }

    /**
     * The names of all present settings that start with the prefix. An environment variable's name is mapped
     * back with its tail lower-cased, so {@code CTICACHE_DNIS_POOL_SALES} yields {@code cticache.dnis.pool.sales}.
     */
    Set<String> namesStartingWith(String prefix) {
        Set<String> names = new TreeSet<>();
        systemProperties.keySet().stream().filter(name -> name.startsWith(prefix)).forEach(names::add);
        contextParameters.keySet().stream().filter(name -> name.startsWith(prefix)).forEach(names::add);
        String environmentPrefix = environmentName(prefix);
        environment.keySet().stream()
                .filter(name -> name.startsWith(environmentPrefix))
                .map(name -> prefix + name.substring(environmentPrefix.length()).toLowerCase(Locale.ROOT))
                .forEach(names::add);
        return names;
    }

    /** The names of all system properties and context parameters that look like settings. */
    Set<String> propertyAndParameterNames() {
        Set<String> names = new TreeSet<>(systemProperties.keySet());
        names.addAll(contextParameters.keySet());
        names.removeIf(name -> !name.startsWith(PREFIX));
        return names;
    }

    /** The names of all environment variables that look like settings, as set. */
    Set<String> environmentNames() {
        Set<String> names = new TreeSet<>();
        String environmentPrefix = environmentName(PREFIX);
        environment.keySet().stream().filter(name -> name.startsWith(environmentPrefix)).forEach(names::add);
        return names;
    }

    /**
     * Fails naming a setting given more than one way with different values: whichever way won, the other would be
     * ignored without a word. The values are never repeated, as some are secrets. The same value twice is harmless.
     */
    void requireOneValueEach() {
        Set<String> names = new TreeSet<>(systemProperties.keySet());
        names.addAll(contextParameters.keySet());
        for (String name : names) {
            List<String> ways = new ArrayList<>();
            Set<String> values = new HashSet<>();
            if (systemProperties.containsKey(name)) {
                ways.add("system property " + name);
                values.add(systemProperties.get(name));
            }
            if (environment.containsKey(environmentName(name))) {
                ways.add("environment variable " + environmentName(name));
                values.add(environment.get(environmentName(name)));
            }
            if (contextParameters.containsKey(name)) {
                ways.add("context parameter " + name);
                values.add(contextParameters.get(name));
            }
            if (values.size() > 1) {
                throw new ConfigException("Setting " + name + " is given " + ways.size() + " ways with different"
                        + " values: " + String.join(", ", ways.subList(0, ways.size() - 1)) + " and "
                        + ways.get(ways.size() - 1) + "; the first would silently win. Give it one way only.");
            }
        }
    }

    /**
     * Which settings are given, and how: names only, never values, so it can be logged. For example
     * {@code system properties cticache.redis.uri; environment CTICACHE_DNIS_POOL; context parameters (none)}.
     */
    public String describeWays() {
        return "system properties " + names(systemProperties.keySet()) + "; environment "
                + names(environment.keySet()) + "; context parameters " + names(contextParameters.keySet());
    }

    private static String names(Set<String> names) {
        return names.isEmpty() ? "(none)" : new TreeSet<>(names).stream().collect(Collectors.joining(", "));
    }
}
