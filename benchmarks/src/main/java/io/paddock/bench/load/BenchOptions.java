package io.paddock.bench.load;

import java.nio.file.Path;
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
 */
public record BenchOptions(Mode mode, int sessions, int outstanding, int repeats,
        ServerSettings settings, Path outputDir, String command) {

    public static final String USAGE = String.join("\n",
            "SideBySide [--mode smoke|quick|full] [--sessions N] [--outstanding N] [--repeats N]",
            "           [--heap-mb MB] [--tick-time MS] [--out DIR]",
            "  defaults: --mode quick --sessions 16 --outstanding 64 --heap-mb 1024",
            "            --tick-time 2000 --out benchmarks/target/bench-report",
            "  (repeats: smoke 1, quick 2, full 3)");

    /** The rows this run measures. */
    public List<RowSpec> rows() {
        return mode.rows(sessions, outstanding);
    }

    /** Parses command-line arguments; throws IllegalArgumentException with a reason. */
    public static BenchOptions parse(String... args) {
        BenchCommandLine cl = BenchCommandLine.parse(args, "mode", "sessions", "outstanding",
                "repeats");
        Mode mode = Mode.valueOf(cl.string("mode", "quick").toUpperCase(Locale.ROOT));
        return new BenchOptions(mode, cl.positive("sessions", 16), cl.positive("outstanding", 64),
                cl.positive("repeats", mode.repeats()), cl.settings(1024), cl.outputDir(),
                "SideBySide " + String.join(" ", args));
    }
}
