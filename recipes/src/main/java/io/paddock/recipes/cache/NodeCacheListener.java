package io.paddock.recipes.cache;

import java.util.Optional;

/** Told of every state a {@link NodeCache} moves to; on the client's event thread, in order. */
@FunctionalInterface
public interface NodeCacheListener {
    /** @param current the node as now cached, or empty if it does not exist */
    void nodeChanged(Optional<ChildData> current);
}
