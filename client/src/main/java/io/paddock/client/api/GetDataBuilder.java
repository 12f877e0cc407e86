package io.paddock.client.api;

import io.paddock.client.StatHolder;
import io.paddock.client.Watcher;

/** Reads a node's data; retried under the client's retry policy. */
public interface GetDataBuilder<R> {
    GetDataBuilder<R> storingStatIn(StatHolder stat);

    /** Leaves a one-shot watch for the node's next change or deletion. */
    GetDataBuilder<R> watched(Watcher watcher);

    R forPath(String path);
}
