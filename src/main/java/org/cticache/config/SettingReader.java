package org.cticache.config;

import java.util.Map;
import java.util.Optional;

/** Reads single settings with their defaults and turns a bad value into a message that names the setting. */
final class SettingReader {

    private final Settings settings;
    private final Map<String, String> defaults;

    SettingReader(Settings settings, Map<String, String> defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    String string(String name) {
        return settings.get(name).or(() -> Optional.ofNullable(defaults.get(name)))
                .orElseThrow(() -> new ConfigException("Setting " + name + " is not set"));
    }

    int integer(String name, int min, int max) {
        String value = string(name);
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the allowed range
        }
        throw invalid(name, "it must be a whole number from " + min + " to " + max);
    }

    boolean bool(String name) {
        String value = string(name).strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(name, "it must be true or false");
    }

    ConfigException invalid(String name, String reason) {
        String value = string(name);
        return new ConfigException("Setting " + name + " (" + settings.source(name) + ") has the invalid value '"
                + value + "': " + reason);
    }

    /** Like {@link #invalid} for a value that may hold a password, so the value is never repeated. */
    ConfigException invalidSecret(String name, String reason) {
        return new ConfigException("Setting " + name + " (" + settings.source(name) + ") is invalid: " + reason);
    }
}
