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
        BenchCommandLine cl = BenchCommandLine.parse(args, "znodes", "parents", "sessions",
                "outstanding");
        int znodes = cl.positive("znodes", 1_000_000);
        return new RestartOptions(znodes, Math.min(cl.positive("parents", 10), znodes),
                cl.positive("sessions", 4), cl.positive("outstanding", 250), cl.settings(2048),
                cl.outputDir(), "RestartBench " + String.join(" ", args));
    }
}
