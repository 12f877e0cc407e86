package io.paddock.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * How much to run. SMOKE proves the code path in seconds (the module's test), QUICK gives a few
 * rows in about three minutes, FULL measures every row with three repeats.
 */
public enum Mode {
    SMOKE(1, 100),
    QUICK(2, 20_000),
    FULL(3, 200_000);

    private final int repeats;
    private final long warmUpOps;

    Mode(int repeats, long warmUpOps) {
        this.repeats = repeats;
        this.warmUpOps = warmUpOps;
    }

    /** Measured repeats of each row; the report shows their median and spread. */
    public int repeats() {
        return repeats;
    }

    /**
     * Requests of the mix (and half as many creates) run per server before measuring. Full mode
     * warms long enough that the JIT compilers of both servers are mostly done: with less, a
     * third of a core still went to C2 during the first measured rows.
     */
    public long warmUpOps() {
        return warmUpOps;
    }

    /** Whether each row first runs once per server unmeasured (full mode: steady state). */
    public boolean warmUpRepeat() {
        return this == FULL;
    }

    /** The rows of this mode for a load shape of sessions x outstanding. */
    public List<RowSpec> rows(int sessions, int outstanding) {
        List<RowSpec> rows = new ArrayList<>();
        switch (this) {
            case SMOKE -> {
                rows.add(new RowSpec("create", RowKind.CREATE, sessions, outstanding, 200));
                rows.add(new RowSpec("mix 90/10", RowKind.MIXED, sessions, outstanding, 200));
                rows.add(new RowSpec("watch", RowKind.WATCH, 1, 1, 20));
                rows.add(new RowSpec("session churn", RowKind.SESSION_CHURN, 2, 1, 10));
            }
            case QUICK -> {
                rows.add(new RowSpec("create", RowKind.CREATE, sessions, outstanding, 60_000));
                rows.add(new RowSpec("setData", RowKind.SET_DATA, sessions, outstanding, 60_000));
                rows.add(new RowSpec("getData", RowKind.GET_DATA, sessions, outstanding, 150_000));
                rows.add(new RowSpec("exists", RowKind.EXISTS, sessions, outstanding, 150_000));
                rows.add(new RowSpec("mix 90/10", RowKind.MIXED, sessions, outstanding, 150_000));
                rows.add(new RowSpec("getData 1x1", RowKind.GET_DATA, 1, 1, 5_000));
                rows.add(new RowSpec("setData 1x1", RowKind.SET_DATA, 1, 1, 3_000));
                rows.add(new RowSpec("watch", RowKind.WATCH, 1, 1, 1_000));
                rows.add(new RowSpec("session churn", RowKind.SESSION_CHURN, 4, 1, 300));
            }
            case FULL -> {
                rows.add(new RowSpec("create", RowKind.CREATE, sessions, outstanding, 200_000));
                rows.add(new RowSpec("setData", RowKind.SET_DATA, sessions, outstanding, 200_000));
                rows.add(new RowSpec("getData", RowKind.GET_DATA, sessions, outstanding, 400_000));
                rows.add(new RowSpec("exists", RowKind.EXISTS, sessions, outstanding, 400_000));
                rows.add(new RowSpec("mix 90/10", RowKind.MIXED, sessions, outstanding, 400_000));
                rows.add(new RowSpec("getData 1x1", RowKind.GET_DATA, 1, 1, 20_000));
                rows.add(new RowSpec("setData 1x1", RowKind.SET_DATA, 1, 1, 5_000));
                rows.add(new RowSpec("watch", RowKind.WATCH, 1, 1, 3_000));
                rows.add(new RowSpec("session churn", RowKind.SESSION_CHURN, 4, 1, 1_000));
            }
            default -> throw new IllegalStateException(name());
        }
        return rows;
    }
}
