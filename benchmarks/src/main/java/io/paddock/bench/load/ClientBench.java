package io.paddock.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.zookeeper.KeeperException;

/**
 * Issue 5's client proof: ONE session with K requests outstanding, getData and then setData of
 * 100 bytes on 1,000 keys, once through the official ZooKeeper client's async API and once
 * through Paddock's client's async API, against the Paddock server and against ZooKeeper 3.9.5;
 * reports ops/s and the ratio Paddock client / official client per server and operation.
 * getData and setData are measured apart (never mixed on the session).
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
public final class ClientBench {
    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final int KEYS = 1_000;
    private static final Duration ROW_TIMEOUT = Duration.ofMinutes(5);
    private static final List<RowKind> OPS = List.of(RowKind.GET_DATA, RowKind.SET_DATA);

    private final ClientOptions options;
    private final PrintStream out;
    private final Keyspace keys = new Keyspace(KEYS, 100);

    public ClientBench(ClientOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        ClientOptions options;
        try {
            options = ClientOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ClientBench: " + e.getMessage() + "\n" + ClientOptions.USAGE);
            System.exit(2);
            return;
        }
        Map<String, List<RowOutcome>> outcomes = new ClientBench(options, System.out).run();
        boolean clean = outcomes.values().stream().flatMap(List::stream)
                .allMatch(o -> o.errorCount() == 0);
        System.exit(clean ? 0 : 1);
    }

    /**
     * Runs every cell and writes client.csv and client.jsonl; returns every repeat's outcome
     * keyed by "server / op / client".
     */
    public Map<String, List<RowOutcome>> run()
            throws IOException, InterruptedException, KeeperException {
        ChildClasspaths classpaths = ChildClasspaths.fromBuild();
        Map<String, List<RowOutcome>> all = new LinkedHashMap<>();
        Comparison table = new Comparison("One session, " + options.outstanding()
                + " outstanding, 100-byte values", "Paddock client", "official client");
        for (ServerKind server : ServerKind.values()) {
            try (ServerProcess process = ServerProcess.start(server, options.settings(),
                    classpaths.classpath(server))) {
                measureServer(process, all, table);
            }
        }
        notes(table, classpaths);
        Files.createDirectories(options.outputDir());
        table.print(out);
        table.writeCsv(options.outputDir().resolve("client.csv"));
        table.writeJsonLines(options.outputDir().resolve("client.jsonl"));
        out.println();
        table.jsonLines().forEach(out::println);
        out.println("Report written to " + options.outputDir().toAbsolutePath()
                + " (client.csv, client.jsonl)");
        return all;
    }

    private void measureServer(ServerProcess server, Map<String, List<RowOutcome>> all,
            Comparison table) throws IOException, InterruptedException, KeeperException {
        try (ServerDriver keyspace = new ServerDriver(server, keys, ROW_TIMEOUT,
                LoadClient.OFFICIAL)) {
            keyspace.prepare(1);
        }
        try (ClientOps official = OfficialClientOps.connect(server.connectString(),
                SESSION_TIMEOUT_MS);
                ClientOps paddock = PaddockClientOps.connect(server.connectString(),
                        SESSION_TIMEOUT_MS)) {
            List<ClientOps> clients = List.of(official, paddock);
            for (ClientOps c : clients) {
                for (RowKind op : OPS) {
                    new AsyncLoad(op, Math.max(1, ops(op) / 10), keys, null)
                            .run(List.of(c), options.outstanding(), ROW_TIMEOUT);
                }
            }
            for (RowKind op : OPS) {
                Map<ClientOps, List<RowOutcome>> cell = new LinkedHashMap<>();
                for (int rep = 0; rep < options.repeats(); rep++) {
                    for (int i = 0; i < clients.size(); i++) {
                        // Alternate who goes first so drift hits both clients alike.
                        ClientOps c = clients.get((i + rep) % clients.size());
                        RowOutcome o = new AsyncLoad(op, ops(op), keys, null)
                                .run(List.of(c), options.outstanding(), ROW_TIMEOUT);
                        cell.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
                        progress("%-9s %-8s %-15s rep %d %10.0f ops/s  p99 %7.0f us  errors %s",
                                server.kind().label(), opName(op), c.label(), rep + 1,
                                o.opsPerSecond(), p99Micros(o), o.errors());
                    }
                }
                String where = opName(op) + " on " + server.kind().label() + " server";
                cell.forEach((c, list) -> all.put(where + " / " + c.label(), list));
                table.add(where + ", ops/s", medianOps(cell.get(paddock)),
                        medianOps(cell.get(official)), ">= 1.00x");
                table.add(where + ", p99 us", medianP99(cell.get(paddock)),
                        medianP99(cell.get(official)), "");
            }
        }
    }

    private void notes(Comparison table, ChildClasspaths classpaths) {
        table.notes().add("Servers: Paddock " + classpaths.paddockVersion() + " (this build) and"
                + " Apache ZooKeeper " + classpaths.zookeeperVersion() + ", one after the other,"
                + " child JVMs with -Xms/-Xmx " + options.settings().heapMb() + " MB, the same "
                + "zoo.cfg (forceSync=yes).");
        table.notes().add(String.format(Locale.ROOT, "Per cell: %d getData or %d setData on one "
                + "session, closed loop with %d outstanding, the next request issued from the "
                + "completion of the last; median of %d repeats, clients alternating first; a "
                + "warm-up of a tenth as many per client first.", options.getOps(),
                options.setOps(), options.outstanding(), options.repeats()));
        table.notes().add("Official client: ZooKeeper 3.9.5 async callbacks (NIO socket). "
                + "Paddock client: client.async().getData()/setData().forPath(...) futures.");
        table.notes().add(String.format(Locale.ROOT, "%d CPU cores shared by the client, the "
                + "server and other work on the machine: the client's own CPU is in every "
                + "figure.", Runtime.getRuntime().availableProcessors()));
    }

    private long ops(RowKind op) {
        return op == RowKind.GET_DATA ? options.getOps() : options.setOps();
    }

    private static String opName(RowKind op) {
        return op == RowKind.GET_DATA ? "getData" : "setData";
    }

    private static double medianOps(List<RowOutcome> list) {
        return median(list.stream().mapToDouble(RowOutcome::opsPerSecond).toArray());
    }

    private static double medianP99(List<RowOutcome> list) {
        return median(list.stream().mapToDouble(ClientBench::p99Micros).toArray());
    }

    private static double p99Micros(RowOutcome o) {
        return o.latencyNanos().getTotalCount() == 0 ? Double.NaN
                : o.latencyNanos().getValueAtPercentile(99) / 1e3;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[client] " + format + "%n", args);
        out.flush();
    }
}
