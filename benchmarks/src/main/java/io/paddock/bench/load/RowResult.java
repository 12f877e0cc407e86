package io.paddock.bench.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A row's repeats against both servers. Not thread-safe: filled in by the main thread.
 */
public final class RowResult {
    private final RowSpec row;
    private final Map<ServerKind, List<Measurement>> repeats = new EnumMap<>(ServerKind.class);

    public RowResult(RowSpec row) {
        this.row = row;
    }

    public RowSpec row() {
        return row;
    }

    void add(ServerKind kind, Measurement m) {
        repeats.computeIfAbsent(kind, k -> new ArrayList<>()).add(m);
    }

    /** Every repeat against one server, in run order. */
    public List<Measurement> measurements(ServerKind kind) {
        return List.copyOf(repeats.getOrDefault(kind, List.of()));
    }

    /** The summary of one server's repeats. */
    public ServerSummary summary(ServerKind kind) {
        return ServerSummary.of(measurements(kind));
    }
}
