package io.paddock.bench.load;

import java.nio.file.Path;

/**
 * What a client-throughput run is told.
 *
 * @param outstanding requests in flight on the one session
 * @param getOps getData requests per repeat
 * @param setOps setData requests per repeat
 * @param repeats measured repeats (the median is shown)
 * @param settings what both servers share (tickTime, heap)
 * @param outputDir where client.csv and client.jsonl go
 * @param command the command line, echoed into the report
 */
public record ClientOptions(int outstanding, int getOps, int setOps, int repeats,
        ServerSettings settings, Path outputDir, String command) {

    public static final String USAGE = String.join("\n",
            "ClientBench [--outstanding K] [--get-ops N] [--set-ops N] [--repeats N]",
            "            [--heap-mb MB] [--tick-time MS] [--out DIR]",
            "  defaults: --outstanding 64 --get-ops 200000 --set-ops 60000 --repeats 3",
            "            --heap-mb 1024 --tick-time 2000 --out benchmarks/target/bench-report");

    /** Parses command-line arguments; throws IllegalArgumentException with a reason. */
    public static ClientOptions parse(String... args) {
        BenchCommandLine cl = BenchCommandLine.parse(args, "outstanding", "get-ops", "set-ops",
                "repeats");
        return new ClientOptions(cl.positive("outstanding", 64), cl.positive("get-ops", 200_000),
                cl.positive("set-ops", 60_000), cl.positive("repeats", 3), cl.settings(1024),
                cl.outputDir(), "ClientBench " + String.join(" ", args));
    }
}
