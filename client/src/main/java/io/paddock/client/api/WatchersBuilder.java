package io.paddock.client.api;

import io.paddock.client.Watcher;

/** Entry to persistent watches: {@code add()} and {@code remove(watcher)}. */
public interface WatchersBuilder<R> {
    AddWatchBuilder<R> add();

    RemoveWatchBuilder<R> remove(Watcher watcher);
}
