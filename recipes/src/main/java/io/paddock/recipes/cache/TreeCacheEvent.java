package io.paddock.recipes.cache;

/**
 * A change a {@link TreeCache} saw.
 *
 * @param type what happened
 * @param data the node concerned: the new state for ADDED/UPDATED, the last known one for
 *     REMOVED; null for INITIALIZED
 */
public record TreeCacheEvent(Type type, ChildData data) {

    public enum Type {
        /** A node appeared (in the initial load too). */
        ADDED,
        /** A node's data or Stat changed. */
        UPDATED,
        /** A node went away. */
        REMOVED,
        /** The initial load is complete: every node that existed at start was ADDED. */
        INITIALIZED
    }
}
