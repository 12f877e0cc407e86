package io.paddock.client.internal;

/** The client-side watch tables, as ZooKeeper's client keeps them. */
enum WatchKind {
    DATA,
    EXIST,
    CHILD,
    PERSISTENT,
    PERSISTENT_RECURSIVE
}
