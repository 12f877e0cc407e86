package io.paddock.client.api;

import io.paddock.client.StatHolder;
import io.paddock.client.Watcher;

/** Lists a node's children (names, not paths); retried under the client's retry policy. */
public interface GetChildrenBuilder<R> {
    GetChildrenBuilder<R> storingStatIn(StatHolder stat);

    /** Leaves a one-shot watch for the next child change or the node's deletion. */
    GetChildrenBuilder<R> watched(Watcher watcher);

    R forPath(String path);
}
