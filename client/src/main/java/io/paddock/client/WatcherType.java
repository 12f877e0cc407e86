package io.paddock.client;

/** Which watches {@code watchers().remove(...)} removes; the numbers are ZooKeeper's. */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int wire;

    WatcherType(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }
}
