package io.paddock.server.watch;

/** How a watch behaves when it fires (ZooKeeper's WatcherMode; AddWatchMode numbers). */
public enum WatcherMode {
    /** One-shot, registered by getData/exists/getChildren. */
    STANDARD,
    /** addWatch mode 0: stays after firing; data and child events of the node itself. */
    PERSISTENT,
    /** addWatch mode 1: stays after firing; data events of the node and every descendant. */
    PERSISTENT_RECURSIVE;

    public int bit() {
        return 1 << ordinal();
    }

    /** The mode for an AddWatchRequest mode number, or null when the number is unknown. */
    public static WatcherMode ofAddWatchMode(int mode) {
        return switch (mode) {
            case 0 -> PERSISTENT;
            case 1 -> PERSISTENT_RECURSIVE;
            default -> null;
        };
    }
}
