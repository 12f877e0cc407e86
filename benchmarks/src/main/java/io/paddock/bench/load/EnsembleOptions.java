package io.paddock.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code bin/bench --ensemble N} is told: the side-by-side options for the throughput and
 * churn rows, plus the ensemble's size, the failover row's kills and writers, and the znodes of
 * the follower-restart row.
 *
 * @param bench the side-by-side options (rows default to create, setData, getData, the mix and
 *     session churn)
 * @param size servers per ensemble
 * @param kills leader kills of the failover row
 * @param writersPerServer failover sessions per member
 * @param znodes znodes loaded before a follower is restarted
 * @param keepLogs keep the ensembles' directories (logs, data) of the failover and follower
 *     rows, for reading what the members did
 */
public record EnsembleOptions(BenchOptions bench, int size, int kills, int writersPerServer,
        long znodes, boolean keepLogs) {

    public static final String USAGE = String.join("\n",
            "EnsembleBench --ensemble N [--kills K] [--writers W] [--znodes Z] [--keep-logs]",
            "              [SideBySide options]",
            "  defaults: --ensemble 3 --kills 5 --writers 2 (per server) --znodes 1000000",
            "  SideBySide options as for bin/bench (--mode, --sessions, --outstanding, --repeats,",
            "  --heap-mb, --tick-time, --out, --rows, --client); --rows defaults to create,",
            "  setData, getData, mix 90/10 and session churn; --out defaults to",
            "  benchmarks/target/bench-report/ensemble-N");

    private static final Set<String> OWN = Set.of("--ensemble", "--kills", "--writers", "--znodes");
    private static final Set<RowKind> DEFAULT_KINDS = Set.of(RowKind.CREATE, RowKind.SET_DATA,
            RowKind.GET_DATA, RowKind.MIXED, RowKind.SESSION_CHURN);

    /** Parses the command line; IllegalArgumentException naming the bad option. */
    public static EnsembleOptions parse(String... args) {
        List<String> rest = new ArrayList<>();
        List<String> own = new ArrayList<>();
        boolean keepLogs = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--keep-logs")) {
                keepLogs = true;
                continue;
            }
            List<String> to = OWN.contains(args[i]) ? own : rest;
            to.add(args[i]);
            if (i + 1 < args.length && args[i].startsWith("--")) {
                to.add(args[++i]);
            }
        }
        BenchCommandLine cl = BenchCommandLine.parse(own.toArray(String[]::new), "ensemble",
                "kills", "writers", "znodes");
        int size = cl.positive("ensemble", 3);
        if (size < 3 || size % 2 == 0) {
            throw new IllegalArgumentException("--ensemble expects an odd size of at least 3, got "
                    + size);
        }
        BenchOptions b = BenchOptions.parse(rest.toArray(String[]::new));
        List<String> rows = rest.contains("--rows") ? b.rowFilter() : b.mode().rows(1, 1)
                .stream().filter(r -> DEFAULT_KINDS.contains(r.kind()) && !r.name().endsWith("1x1"))
                .map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        // Beside, not over, the standalone run's report.csv and charts.
        java.nio.file.Path out = rest.contains("--out") ? b.outputDir()
                : b.outputDir().resolve("ensemble-" + size);
        BenchOptions bench = new BenchOptions(b.mode(), b.sessions(), b.outstanding(),
                b.repeats(), b.settings(), out, "EnsembleBench " + String.join(" ", args), rows,
                b.client());
        return new EnsembleOptions(bench, size, cl.positive("kills", 5), cl.positive("writers", 2),
                cl.positive("znodes", 1_000_000), keepLogs);
    }
}
