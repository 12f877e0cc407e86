package io.paddock.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;

/**
 * Runs Paddock and Apache ZooKeeper side by side: both as child JVMs on 127.0.0.1 with the same
 * zoo.cfg and heap, both driven by the same client's async API (the official ZooKeeper client,
 * or Paddock's own for the throughput rows with {@code --client paddock}), row by row, and
 * prints the table with Paddock/ZooKeeper ratios; writes CSV, JSON and PNG charts under the
 * output directory.
 *
 * <p>Not thread-safe: one run at a time from the calling thread. Child processes are stopped in
 * a finally block and by a shutdown hook, whichever comes first.
 */
public final class SideBySide {
    private static final int KEYS = 1_000;
    private static final int VALUE_BYTES = 100;

    private final BenchOptions options;
    private final PrintStream out;
    private final ServerUnderTest.Starter starter;
    private final String topology;

    public SideBySide(BenchOptions options, PrintStream out) {
        this(options, out, ServerProcess::start, "standalone");
    }

    /**
     * @param starter starts the server under test of each kind (a standalone server or an
     *     ensemble)
     * @param topology how the report names what was started, e.g. "standalone"
     */
    SideBySide(BenchOptions options, PrintStream out, ServerUnderTest.Starter starter,
            String topology) {
        this.options = options;
        this.out = out;
        this.starter = starter;
        this.topology = topology;
    }

    public static void main(String[] args) throws Exception {
        // The benchmark's own logging config: the ZooKeeper client logs every session at INFO.
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SideBySide: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchReport report = new SideBySide(options, System.out).run();
        System.exit(report.hasErrors() ? 1 : 0);
    }

    /** Runs every row against both servers and writes the report. */
    public BenchReport run() throws IOException, InterruptedException, KeeperException {
        // Charts render off-screen; this must precede the first AWT class load.
        System.setProperty("java.awt.headless", "true");
        ChildClasspaths classpaths = ChildClasspaths.fromBuild();
        List<RowResult> results = new ArrayList<>();
        Map<ServerKind, ServerUnderTest> servers = new EnumMap<>(ServerKind.class);
        Map<ServerKind, ServerDriver> drivers = new EnumMap<>(ServerKind.class);
        Thread reaper = new Thread(() -> servers.values().forEach(ServerUnderTest::close),
                "bench-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            for (ServerKind k : ServerKind.values()) {
                servers.put(k, starter.start(k, options.settings(), classpaths.classpath(k)));
                drivers.put(k, prepare(servers.get(k)));
            }
            for (RowSpec row : options.rows()) {
                results.add(measure(row, drivers));
            }
        } finally {
            drivers.values().forEach(ServerDriver::close);
            servers.values().forEach(ServerUnderTest::close);
            removeHook(reaper);
        }
        BenchReport report = new BenchReport(options, results, environment(classpaths));
        write(report);
        return report;
    }

    private ServerDriver prepare(ServerUnderTest server)
            throws IOException, InterruptedException, KeeperException {
        Duration timeout = Duration.ofMinutes(options.mode() == Mode.SMOKE ? 1 : 5);
        ServerDriver driver = new ServerDriver(server, new Keyspace(KEYS, VALUE_BYTES), timeout,
                options.client());
        int pool = Math.max(2, options.rows().stream().filter(r -> r.kind() != RowKind
                .SESSION_CHURN).mapToInt(RowSpec::sessions).max().orElse(1));
        driver.prepare(pool);
        long warm = options.mode().warmUpOps();
        int s = options.sessions();
        int o = options.outstanding();
        progress("%s (%s) warming up (--client %s): the mix, then each throughput row's "
                + "request kind", server.kind().label(), topology, options.client().option());
        driver.measure(new RowSpec("warm-up mix", RowKind.MIXED, s, o, warm));
        driver.measure(new RowSpec("warm-up create", RowKind.CREATE, s, o, Math.max(1, warm / 2)));
        // Every request kind a row will measure runs once first, so the JIT compiles its path
        // before any row is timed rather than during the first row that uses it.
        for (RowKind kind : List.of(RowKind.SET_DATA, RowKind.GET_DATA, RowKind.EXISTS)) {
            if (options.rows().stream().anyMatch(r -> r.kind() == kind)) {
                driver.measure(new RowSpec("warm-up " + kind, kind, s, o, Math.max(1, warm / 4)));
            }
        }
        // Session churn too: its connect, session and close paths are its own, and measured
        // cold both servers spent most of the row's first repeat in the JIT compilers.
        RowSpec churn = options.rows().stream().filter(r -> r.kind() == RowKind.SESSION_CHURN)
                .findFirst().orElse(null);
        if (churn != null) {
            driver.measure(new RowSpec("warm-up session churn", RowKind.SESSION_CHURN,
                    churn.sessions(), churn.outstanding(), Math.max(1, warm / 50)));
        }
        if (options.mode() != Mode.SMOKE) {
            awaitQuiet(server); // the smoke test proves the code path; it times nothing
        }
        return driver;
    }

    /**
     * Waits until the server uses under a tenth of a core over half a second (its JIT backlog,
     * snapshot and GC work done), for at most 30 seconds: both servers start their rows idle.
     */
    private static void awaitQuiet(ServerUnderTest server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long before = server.stats().cpuNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500); // sampling the child's CPU clock; nothing here to wait on instead
            long now = server.stats().cpuNanos();
            if (now - before < TimeUnit.MILLISECONDS.toNanos(50)) {
                return;
            }
            before = now;
        }
    }

    private RowResult measure(RowSpec row, Map<ServerKind, ServerDriver> drivers)
            throws InterruptedException, KeeperException {
        RowResult result = new RowResult(row);
        ServerKind[] kinds = ServerKind.values();
        if (options.mode().warmUpRepeat()) {
            // On two shared cores C2 needs tens of seconds of a row's load before its code is
            // compiled; measured from the start, the first repeat timed the JIT, not the server.
            for (ServerKind k : kinds) {
                Measurement m = drivers.get(k).measure(row);
                progress("%-14s %-6s warm-up %-9s %10.0f ops/s (not counted)", row.name(),
                        row.shape(), k.label(), m.outcome().opsPerSecond());
            }
        }
        for (int rep = 0; rep < options.repeats(); rep++) {
            for (int i = 0; i < kinds.length; i++) {
                // Alternate who goes first so drift in the machine's load hits both alike.
                ServerKind k = kinds[(i + rep) % kinds.length];
                Measurement m = drivers.get(k).measure(row);
                result.add(k, m);
                progress("%-14s %-6s rep %d %-9s %10.0f ops/s  p99 %8.0f us  cpu %6.2f s  "
                        + "errors %d", row.name(), row.shape(), rep + 1, k.label(),
                        m.outcome().opsPerSecond(),
                        m.outcome().latencyNanos().getTotalCount() == 0 ? 0
                                : m.outcome().latencyNanos().getValueAtPercentile(99) / 1e3,
                        m.serverCpuNanos() / 1e9, m.outcome().errorCount());
            }
        }
        return result;
    }

    private void write(BenchReport report) throws IOException {
        Files.createDirectories(options.outputDir());
        new ReportTable().print(report, out);
        new CsvReport().write(report, options.outputDir().resolve("report.csv"));
        new JsonReport().write(report, options.outputDir().resolve("report.json"));
        new Charts().write(report, options.outputDir());
        out.println();
        out.println("Report written to " + options.outputDir().toAbsolutePath()
                + " (report.csv, report.json, *.png)");
    }

    private List<String> environment(ChildClasspaths classpaths) {
        Runtime rt = Runtime.getRuntime();
        return List.of(
                "Paddock " + classpaths.paddockVersion() + " (this build, " + topology
                        + ") vs Apache ZooKeeper " + classpaths.zookeeperVersion() + " ("
                        + topology + ", " + simpleName(topology.equals("standalone")
                                ? ServerKind.ZOOKEEPER.mainClass()
                                : ServerKind.ZOOKEEPER.ensembleMainClass()) + ")",
                String.format(Locale.ROOT, "client: %s, async API (--client %s), drives the "
                        + "throughput rows; %d x %d sessions x outstanding; %d-byte values; %d "
                        + "keys; watch and session churn: official ZooKeeper %s Java client",
                        options.client().describe(classpaths.zookeeperVersion()),
                        options.client().option(), options.sessions(), options.outstanding(),
                        VALUE_BYTES, KEYS, classpaths.zookeeperVersion()),
                "Paddock server from " + serverEntry(classpaths.classpath(ServerKind.PADDOCK)),
                String.format(Locale.ROOT, "machine: %d cores, Java %s; mode %s; run at %s",
                        rt.availableProcessors(), Runtime.version(),
                        options.mode().name().toLowerCase(Locale.ROOT), Instant.now()));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The classpath entry holding the Paddock server, which says which build was measured. */
    private static String serverEntry(String classpath) {
        return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(e -> e.contains("paddock-server") || e.contains("server/target/classes"))
                .findFirst().orElse(classpath.split(java.io.File.pathSeparator)[0]);
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; the children are being stopped either way.
        }
    }
}
