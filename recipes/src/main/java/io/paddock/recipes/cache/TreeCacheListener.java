package io.paddock.recipes.cache;

/** Receives a {@link TreeCache}'s events, one at a time, in order, on the client's event thread. */
@FunctionalInterface
public interface TreeCacheListener {
    void event(TreeCacheEvent event);
}
