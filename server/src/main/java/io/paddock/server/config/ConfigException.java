package io.paddock.server.config;

/** A configuration that cannot start a server; the message names the key (and line, if any). */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
