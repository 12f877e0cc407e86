package io.paddock.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * Issue 12's import figure: a ZooKeeper data directory of N znodes of 100 bytes, written by
 * ZooKeeper's own snapshot code, is imported by Paddock (read, verify, replay, write Paddock's
 * snapshot), and loaded by ZooKeeper as its start-up does; each in a child JVM with the same
 * heap, timed and weighed after a full GC. {@code bin/bench --import [--znodes N] [--heap-mb MB]}.
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
public final class ImportBench {
    static final String USAGE = "ImportBench [--znodes N] [--parents N] [--heap-mb MB] [--out DIR]"
            + "\n  defaults: --znodes 1000000 --parents 10 --heap-mb 2048";

    private final int znodes;
    private final int parents;
    private final int heapMb;
    private final Path outputDir;
    private final PrintStream out;

    ImportBench(int znodes, int parents, int heapMb, Path outputDir, PrintStream out) {
        this.znodes = znodes;
        this.parents = parents;
        this.heapMb = heapMb;
        this.outputDir = outputDir;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        ImportBench bench;
        try {
            BenchCommandLine cl = BenchCommandLine.parse(args, "znodes", "parents");
            int n = cl.positive("znodes", 1_000_000);
            bench = new ImportBench(n, Math.min(n, cl.positive("parents", 10)),
                    cl.settings(2048).heapMb(), cl.outputDir(), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("ImportBench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        bench.run();
    }

    /** Returns {Paddock ms, Paddock heap, ZooKeeper ms, ZooKeeper heap}. */
    long[] run() throws Exception {
        Path work = Files.createTempDirectory("import-bench");
        try {
            Path zk = work.resolve("zk");
            long started = System.nanoTime();
            writeZooKeeperData(zk);
            out.printf(Locale.ROOT, "wrote a ZooKeeper snapshot of %,d znodes (%,d bytes) in %d ms%n",
                    znodes, snapshotBytes(zk), (System.nanoTime() - started) / 1_000_000);
            long[] p = child("paddock", zk, work.resolve("paddock"));
            long[] z = child("zookeeper", zk, null);
            Comparison t = new Comparison(String.format(Locale.ROOT,
                    "Import of %,d znodes of 100 bytes", znodes), "Paddock import", "ZooKeeper load");
            t.add("time, ms", p[0], z[0], "")
                    .add("heap after load + full GC, MB", p[1] / 1048576.0, z[1] / 1048576.0, "");
            t.notes().add("Paddock: read and verify ZooKeeper's snapshot, build the tree, write "
                    + "Paddock's snapshot; ZooKeeper: ZKDatabase.loadDataBase as at start-up");
            t.notes().add("each in its own JVM with -Xms/-Xmx " + heapMb + " MB");
            Files.createDirectories(outputDir);
            t.print(out);
            t.writeCsv(outputDir.resolve("import.csv"));
            t.writeJsonLines(outputDir.resolve("import.jsonl"));
            return new long[] {p[0], p[1], z[0], z[1]};
        } finally {
            deleteTree(work);
        }
    }

    private void writeZooKeeperData(Path dir) throws IOException {
        DataTree dt = new DataTree();
        byte[] data = new byte[100];
        long zxid = 0;
        for (int p = 0; p < parents; p++) {
            create(dt, "/p" + p, data, ++zxid);
        }
        for (int i = parents; i < znodes; i++) {
            create(dt, "/p" + (i % parents) + "/n" + i, data, ++zxid);
        }
        dt.lastProcessedZxid = zxid;
        FileTxnSnapLog snapLog = new FileTxnSnapLog(dir.toFile(), dir.toFile());
        snapLog.save(dt, new ConcurrentHashMap<>(), true);
        snapLog.close();
    }

    private static void create(DataTree dt, String path, byte[] data, long zxid) {
        try {
            dt.createNode(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, zxid, zxid);
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static long snapshotBytes(Path dir) throws IOException {
        try (var s = Files.list(dir.resolve("version-2"))) {
            return s.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private long[] child(String mode, Path zk, Path target) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xms" + heapMb + "m", "-Xmx" + heapMb + "m",
                "-Dlogback.configurationFile=bench-logback.xml",
                "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), mode,
                zk.toString()));
        if (target != null) {
            cmd.add(target.toString());
        }
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (proc.waitFor() != 0 || result == null) {
            throw new IllegalStateException(mode + " import child failed (exit " + proc.exitValue() + ")");
        }
        String[] f = result.split(" ");
        out.printf(Locale.ROOT, "%s: %s ms, heap %.1f MB%n", mode, f[1], Long.parseLong(f[2]) / 1048576.0);
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
