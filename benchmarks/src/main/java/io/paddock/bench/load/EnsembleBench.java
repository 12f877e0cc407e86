package io.paddock.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Issue 10's benchmarks: a Paddock ensemble beside an Apache ZooKeeper 3.9.5 ensemble of the
 * same size on this host (every server a child JVM on 127.0.0.1, the same zoo.cfg keys, fsync on,
 * the same heap). First the side-by-side rows ({@link SideBySide}) with the load sessions spread
 * over the members; then, one ensemble at a time on fresh directories, the failover row
 * ({@link Failover}) and the restarted follower of a big tree ({@link FollowerRestart}), as a
 * table with Paddock/ZooKeeper ratios in {@code ensemble.csv} and {@code ensemble.jsonl}.
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
public final class EnsembleBench {
    private final EnsembleOptions options;
    private final PrintStream out;

    /**
     * What the ensemble rows measured on one kind of server.
     *
     * @param rounds one per leader kill
     * @param follower the restarted follower
     */
    record Result(List<FailoverRound> rounds, FollowerRestart.Result follower) {
        boolean complete() {
            return follower.complete() && rounds.stream().allMatch(r -> r.unanswered() == 0);
        }
    }

    public EnsembleBench(EnsembleOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        EnsembleOptions options;
        try {
            options = EnsembleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("EnsembleBench: " + e.getMessage() + "\n" + EnsembleOptions.USAGE);
            System.exit(2);
            return;
        }
        EnsembleBench bench = new EnsembleBench(options, System.out);
        BenchReport report = bench.sideBySide();
        Map<ServerKind, Result> results = bench.ensembleRows();
        System.exit(report.hasErrors() || !results.values().stream().allMatch(Result::complete)
                ? 1 : 0);
    }

    /** The throughput and churn rows, both ensembles up at once; report.csv and the rest. */
    BenchReport sideBySide() throws IOException, InterruptedException, KeeperException {
        int size = options.size();
        return new SideBySide(options.bench(), out, (k, s, cp) -> Ensemble.start(k, s, cp, size),
                "ensemble of " + size + ", load sessions pinned to the members in turn, churn "
                        + "sessions on all members' connect string").run();
    }

    /** The failover and follower-restart rows, one ensemble at a time; ensemble.csv/jsonl. */
    Map<ServerKind, Result> ensembleRows() throws IOException, InterruptedException,
            KeeperException {
        ChildClasspaths classpaths = ChildClasspaths.fromBuild();
        Map<ServerKind, Result> results = new EnumMap<>(ServerKind.class);
        for (ServerKind k : ServerKind.values()) {
            progress("%s: ensemble of %d for the failover and follower-restart rows",
                    k.label(), options.size());
            try (Ensemble e = Ensemble.start(k, options.bench().settings(),
                    classpaths.classpath(k), options.size())) {
                if (options.keepLogs()) {
                    e.keepLogs("--keep-logs");
                }
                Thread reaper = new Thread(e::close, "bench-reaper");
                Runtime.getRuntime().addShutdownHook(reaper);
                try {
                    results.put(k, measure(e));
                } finally {
                    removeHook(reaper);
                }
            }
        }
        Comparison table = EnsembleTable.of(options, results, classpaths);
        Files.createDirectories(options.bench().outputDir());
        table.print(out);
        table.writeCsv(options.bench().outputDir().resolve("ensemble.csv"));
        table.writeJsonLines(options.bench().outputDir().resolve("ensemble.jsonl"));
        out.println("Report written to " + options.bench().outputDir().toAbsolutePath()
                + " (ensemble.csv, ensemble.jsonl)");
        return results;
    }

    private Result measure(Ensemble e) throws IOException, InterruptedException,
            KeeperException {
        Duration timeout = Duration.ofSeconds(90);
        List<FailoverRound> rounds;
        ZooKeeper setup = connect(e.connectString());
        try {
            rounds = new Failover(e, options.writersPerServer(), timeout,
                    l -> progress("%s", l)).run(options.kills(), setup);
        } finally {
            setup.close(1_000);
        }
        // A follower of a million znodes may take minutes to load and sync on a busy machine.
        FollowerRestart.Result follower = new FollowerRestart(e, options.znodes(),
                Duration.ofMinutes(10), l -> progress("%s", l)).run();
        return new Result(rounds, follower);
    }

    private static ZooKeeper connect(String connectString) throws IOException,
            InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("no session at " + connectString);
        }
        return zk;
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[ensemble] " + format + "%n", args);
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; the ensemble is being stopped either way.
        }
    }
}
