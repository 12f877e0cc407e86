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
        Mode mode = Mode.QUICK;
        int sessions = 16;
        int outstanding = 64;
        Integer repeats = null;
        int heapMb = 1024;
        int tickTime = 2000;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--mode" -> mode = Mode.valueOf(v.toUpperCase(Locale.ROOT));
                case "--sessions" -> sessions = positive(flag, v);
                case "--outstanding" -> outstanding = positive(flag, v);
                case "--repeats" -> repeats = positive(flag, v);
                case "--heap-mb" -> heapMb = positive(flag, v);
                case "--tick-time" -> tickTime = positive(flag, v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new BenchOptions(mode, sessions, outstanding,
                repeats == null ? mode.repeats() : repeats, new ServerSettings(tickTime, heapMb),
                out == null ? ChildClasspaths.fromBuild().defaultReportDir() : out,
                "SideBySide " + String.join(" ", args));
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(flag + " expects a positive integer, got '" + v + "'");
    }
}
