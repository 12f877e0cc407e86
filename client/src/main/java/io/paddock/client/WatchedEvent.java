package io.paddock.client;

/**
 * One watch notification.
 *
 * @param type what happened
 * @param path the node it happened to, relative to the client's namespace; null for
 *     {@link Type#SESSION_EXPIRED}
 */
public record WatchedEvent(Type type, String path) {

    /** ZooKeeper's event types, plus the session expiry every registered watcher is told of. */
    public enum Type {
        NODE_CREATED,
        NODE_DELETED,
        NODE_DATA_CHANGED,
        NODE_CHILDREN_CHANGED,
        DATA_WATCH_REMOVED,
        CHILD_WATCH_REMOVED,
        PERSISTENT_WATCH_REMOVED,
        /** The session expired; the watch is gone and will never fire. */
        SESSION_EXPIRED
    }
}
