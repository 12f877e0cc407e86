package io.paddock.client.api;

import io.paddock.client.Watcher;

/**
 * Adds a watch that stays until removed (ZooKeeper's addWatch): {@link #persistent()} (the
 * default) sees the node's data, creation, deletion and child changes; {@link #recursive()} sees
 * data, creation and deletion of the node and of every descendant. Survives reconnects.
 * Yields null ({@code Void}).
 */
public interface AddWatchBuilder<R> {
    AddWatchBuilder<R> persistent();

    AddWatchBuilder<R> recursive();

    R forPath(String path, Watcher watcher);
}
