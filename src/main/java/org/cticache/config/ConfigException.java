package org.cticache.config;

/** A setting is missing or invalid; the message names the setting, where it came from and what is wrong. */
public final class ConfigException extends RuntimeException {

    ConfigException(String message) {
        super(message);
    }
}
