package io.paddock.bench.load;

/**
 * One row of the report.
 *
 * @param name the row's label, unique in a plan
 * @param kind what is measured
 * @param sessions client sessions used at once (for churn: sessions opened in parallel)
 * @param outstanding requests in flight per session
 * @param ops requests (or watch events, or sessions) measured per repeat
 */
public record RowSpec(String name, RowKind kind, int sessions, int outstanding, long ops) {
    public RowSpec {
        if (sessions < 1 || outstanding < 1 || ops < 1) {
            throw new IllegalArgumentException("row " + name + " needs sessions, outstanding and "
                    + "ops of at least 1");
        }
    }

    /** "16x64" style shape, for tables. */
    public String shape() {
        return sessions + "x" + outstanding;
    }
}
