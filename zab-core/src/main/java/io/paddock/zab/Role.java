package io.paddock.zab;

/** A peer's role, as operators see it (ZooKeeper's {@code ServerState}). */
public enum Role {
    LOOKING,
    FOLLOWING,
    LEADING,
    OBSERVING
}
