package io.paddock.recipes.config;

/**
 * Told of each value a {@link WatchedConfig} takes, on the client's event thread, in the order
 * the server applied the writes. Must not block.
 */
@FunctionalInterface
public interface ConfigListener<T> {
    /** @param value the new value, or empty if the node was deleted */
    void configChanged(Versioned<T> value);
}
