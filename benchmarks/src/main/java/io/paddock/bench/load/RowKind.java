package io.paddock.bench.load;

/** What a row of the report measures. */
public enum RowKind {
    CREATE(true),
    SET_DATA(true),
    GET_DATA(false),
    EXISTS(false),
    /** 90% getData, 10% setData on random keys. */
    MIXED(true),
    /** setData at one session until the watch event arrives at another. */
    WATCH(true),
    /** Open a session, create an ephemeral node, close the session. */
    SESSION_CHURN(true);

    private final boolean writes;

    RowKind(boolean writes) {
        this.writes = writes;
    }

    /** Whether the row's figures depend on the write path (and so on fsync). */
    public boolean writes() {
        return writes;
    }
}
