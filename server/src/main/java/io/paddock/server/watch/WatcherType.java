package io.paddock.server.watch;

/** The watch kinds named by checkWatches/removeWatches requests (Watcher.WatcherType). */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    PERSISTENT(4),
    PERSISTENT_RECURSIVE(5);

    private final int code;

    WatcherType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire number, or null when the number is unknown. */
    public static WatcherType of(int code) {
        for (WatcherType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
