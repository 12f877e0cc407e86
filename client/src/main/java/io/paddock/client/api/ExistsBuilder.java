package io.paddock.client.api;

import io.paddock.client.Watcher;

/** Yields the node's Stat, or null if it does not exist; retried under the retry policy. */
public interface ExistsBuilder<R> {
    /** Leaves a one-shot watch: for creation if the node is absent, else for change/deletion. */
    ExistsBuilder<R> watched(Watcher watcher);

    R forPath(String path);
}
