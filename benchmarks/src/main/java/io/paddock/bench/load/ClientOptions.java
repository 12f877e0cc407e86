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
        int outstanding = 64;
        int getOps = 200_000;
        int setOps = 60_000;
        int repeats = 3;
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
                case "--outstanding" -> outstanding = CliInts.positive(flag, v);
                case "--get-ops" -> getOps = CliInts.positive(flag, v);
                case "--set-ops" -> setOps = CliInts.positive(flag, v);
                case "--repeats" -> repeats = CliInts.positive(flag, v);
                case "--heap-mb" -> heapMb = CliInts.positive(flag, v);
                case "--tick-time" -> tickTime = CliInts.positive(flag, v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new ClientOptions(outstanding, getOps, setOps, repeats,
                new ServerSettings(tickTime, heapMb),
                out == null ? ChildClasspaths.fromBuild().defaultReportDir() : out,
                "ClientBench " + String.join(" ", args));
    }
}
