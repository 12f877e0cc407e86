package io.paddock.bench.load;

import java.nio.file.Path;

/**
 * What a restart-and-heap run is told.
 *
 * @param znodes znodes of 100 bytes to load before the restart
 * @param parents parents the znodes are spread under
 * @param sessions client sessions of the load
 * @param outstanding creates in flight per session during the load
 * @param settings what both servers share (tickTime, heap)
 * @param outputDir where restart.csv and restart.json go
 * @param command the command line, echoed into the report
 */
public record RestartOptions(int znodes, int parents, int sessions, int outstanding,
        ServerSettings settings, Path outputDir, String command) {

    public static final String USAGE = String.join("\n",
            "RestartBench [--znodes N] [--parents N] [--sessions N] [--outstanding N]",
            "             [--heap-mb MB] [--tick-time MS] [--out DIR]",
            "  defaults: --znodes 1000000 --parents 10 --sessions 4 --outstanding 250",
            "            --heap-mb 2048 --tick-time 2000 --out benchmarks/target/bench-report");

    /** Parses command-line arguments; throws IllegalArgumentException with a reason. */
    public static RestartOptions parse(String... args) {
        int znodes = 1_000_000;
        int parents = 10;
        int sessions = 4;
        int outstanding = 250;
        int heapMb = 2048;
        int tickTime = 2000;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--znodes" -> znodes = CliInts.positive(flag, v);
                case "--parents" -> parents = CliInts.positive(flag, v);
                case "--sessions" -> sessions = CliInts.positive(flag, v);
                case "--outstanding" -> outstanding = CliInts.positive(flag, v);
                case "--heap-mb" -> heapMb = CliInts.positive(flag, v);
                case "--tick-time" -> tickTime = CliInts.positive(flag, v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new RestartOptions(znodes, Math.min(parents, znodes), sessions, outstanding,
                new ServerSettings(tickTime, heapMb),
                out == null ? ChildClasspaths.fromBuild().defaultReportDir() : out,
                "RestartBench " + String.join(" ", args));
    }
}
