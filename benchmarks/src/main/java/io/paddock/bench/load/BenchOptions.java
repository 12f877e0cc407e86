package io.paddock.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything a side-by-side run is told.
 *
 * @param mode how much to run
 * @param sessions client sessions of the throughput rows
 * @param outstanding requests in flight per session in the throughput rows
 * @param repeats measured repeats of each row
 * @param settings what both servers share (tickTime, heap)
 * @param outputDir where the CSV, JSON and PNG report goes
 * @param command the command line, echoed into the report
 * @param rowFilter names of the rows to run (matched without case), or empty for all of them
 * @param client which client library drives the throughput rows on both servers
 */
public record BenchOptions(Mode mode, int sessions, int outstanding, int repeats,
        ServerSettings settings, Path outputDir, String command, List<String> rowFilter,
        LoadClient client) {

    public static final String USAGE = String.join("\n",
            "SideBySide [--mode smoke|quick|full] [--sessions N] [--outstanding N] [--repeats N]",
            "           [--heap-mb MB] [--tick-time MS] [--out DIR] [--rows NAME,NAME...]",
            "           [--client official|paddock]",
            "  defaults: --mode quick --sessions 16 --outstanding 64 --heap-mb 1024",
            "            --tick-time 2000 --out benchmarks/target/bench-report --client official",
            "  (repeats: smoke 1, quick 2, full 3; --rows picks rows by name, e.g. create,watch;",
            "   --client picks the library that drives create, setData, getData, exists and the",
            "   mix on both servers: the official ZooKeeper client or Paddock's own client; the",
            "   watch and session-churn rows always use the official client)");

    /** The rows this run measures. */
    public List<RowSpec> rows() {
        List<RowSpec> all = mode.rows(sessions, outstanding);
        if (rowFilter.isEmpty()) {
            return all;
        }
        return all.stream().filter(r -> rowFilter.contains(r.name().toLowerCase(Locale.ROOT))).toList();
    }

    private static List<String> rowFilter(String value, Mode mode) {
        if (value.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim)
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> known = mode.rows(1, 1).stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("--rows: no row '" + n + "' in mode "
                        + mode.name().toLowerCase(Locale.ROOT) + " (rows: " + String.join(", ", known) + ")");
            }
        }
        return names;
    }

    /** Parses command-line arguments; throws IllegalArgumentException with a reason. */
    public static BenchOptions parse(String... args) {
        BenchCommandLine cl = BenchCommandLine.parse(args, "mode", "sessions", "outstanding",
                "repeats", "rows", "client");
        Mode mode = Mode.valueOf(cl.string("mode", "quick").toUpperCase(Locale.ROOT));
        return new BenchOptions(mode, cl.positive("sessions", 16), cl.positive("outstanding", 64),
                cl.positive("repeats", mode.repeats()), cl.settings(1024), cl.outputDir(),
                "SideBySide " + String.join(" ", args), rowFilter(cl.string("rows", ""), mode),
                LoadClient.parse(cl.string("client", LoadClient.OFFICIAL.option())));
    }
}
