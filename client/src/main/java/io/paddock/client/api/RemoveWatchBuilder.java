package io.paddock.client.api;

import io.paddock.client.WatcherType;

/**
 * Removes a watcher from a path (ZooKeeper's removeWatches); yields null ({@code Void}). The
 * watcher gets a {@code *_WATCH_REMOVED} event. Fails with NoWatcherException if it had none.
 */
public interface RemoveWatchBuilder<R> {
    /** Which of the watcher's watches to remove; {@link WatcherType#ANY} by default. */
    RemoveWatchBuilder<R> ofType(WatcherType type);

    /** Removes the watch locally even if the server cannot be told (disconnected). */
    RemoveWatchBuilder<R> locally();

    R forPath(String path);
}
