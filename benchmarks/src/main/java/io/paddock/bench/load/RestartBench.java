package io.paddock.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.zookeeper.KeeperException;

/**
 * Issue 4's restart-and-heap proof: for Paddock and then Apache ZooKeeper 3.9.5, in the same
 * run, with the same zoo.cfg and heap, load N znodes of 100 bytes, stop the server with SIGTERM,
 * start it again on the same data directory, and report the time from process start to the
 * first read served and the heap in use after a full GC, with Paddock/ZooKeeper ratios. The two
 * servers run one after the other, each alone with the client.
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
public final class RestartBench {
    private final RestartOptions options;
    private final PrintStream out;

    public RestartBench(RestartOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        RestartOptions options;
        try {
            options = RestartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("RestartBench: " + e.getMessage() + "\n" + RestartOptions.USAGE);
            System.exit(2);
            return;
        }
        Map<ServerKind, RestartResult> results = new RestartBench(options, System.out).run();
        System.exit(results.values().stream().allMatch(RestartResult::complete) ? 0 : 1);
    }

    /** Runs both servers and writes restart.csv and restart.jsonl. */
    public Map<ServerKind, RestartResult> run()
            throws IOException, InterruptedException, KeeperException {
        ChildClasspaths classpaths = ChildClasspaths.fromBuild();
        Map<ServerKind, RestartResult> results = new EnumMap<>(ServerKind.class);
        for (ServerKind k : ServerKind.values()) {
            results.put(k, new RestartRun(k, options, classpaths.classpath(k), this::progress)
                    .run());
        }
        Comparison table = table(results, classpaths);
        Files.createDirectories(options.outputDir());
        table.print(out);
        table.writeCsv(options.outputDir().resolve("restart.csv"));
        table.writeJsonLines(options.outputDir().resolve("restart.jsonl"));
        out.println();
        table.jsonLines().forEach(out::println);
        out.println("Report written to " + options.outputDir().toAbsolutePath()
                + " (restart.csv, restart.jsonl)");
        return results;
    }

    private Comparison table(Map<ServerKind, RestartResult> r, ChildClasspaths classpaths) {
        RestartResult p = r.get(ServerKind.PADDOCK);
        RestartResult z = r.get(ServerKind.ZOOKEEPER);
        Comparison t = new Comparison(String.format(Locale.ROOT, "Restart after %,d znodes of "
                + "100 bytes", options.znodes()), "Paddock", "ZooKeeper");
        t.add("load, creates/s", p.znodes() / p.loadSeconds(), z.znodes() / z.loadSeconds(), "")
                .add("first read after kill -9, ms from process start",
                        p.crashFirstReadMillis(), z.crashFirstReadMillis(), "")
                .add("stop after SIGTERM, ms", p.stopMillis(), z.stopMillis(), "")
                .add("srvr serving, ms from process start", p.servingMillis(),
                        z.servingMillis(), "")
                .add("first read after SIGTERM, ms from process start", p.firstReadMillis(),
                        z.firstReadMillis(), "<= 0.50x")
                .add("heap after restart + full GC, MB", p.restartedHeapBytes() / 1048576.0,
                        z.restartedHeapBytes() / 1048576.0, "")
                .add("heap per znode, bytes", p.heapBytesPerZnode(), z.heapBytesPerZnode(),
                        "<= 1.00x")
                .add("heap per znode over empty server, bytes", p.addedHeapBytesPerZnode(),
                        z.addedHeapBytesPerZnode(), "")
                .add("empty server heap after full GC, MB", p.baselineHeapBytes() / 1048576.0,
                        z.baselineHeapBytes() / 1048576.0, "")
                .add("data dir on disk (incl. preallocation), MB", p.dataDirBytes() / 1048576.0,
                        z.dataDirBytes() / 1048576.0, "")
                .add("znodes back after restart", p.znodesFound(), z.znodesFound(), "")
                .add("failed creates", p.loadErrorCount(), z.loadErrorCount(), "");
        t.notes().add("Paddock " + classpaths.paddockVersion() + " (this build) vs Apache "
                + "ZooKeeper " + classpaths.zookeeperVersion() + ", one after the other, each a "
                + "child JVM with -Xms/-Xmx " + options.settings().heapMb() + " MB, the same "
                + "zoo.cfg (forceSync=yes, default snapCount), the same JDK and collector.");
        t.notes().add("Load: official ZooKeeper client, async creates, " + options.sessions()
                + " sessions x " + options.outstanding() + " outstanding, under "
                + options.parents() + " parents. Then SIGKILL, as a crash, and a timed start (the log "
                + "after the last snapshot is replayed); then SIGTERM, as an operator stops it "
                + "(Paddock writes its shutdown snapshot here, snapshotOnShutdown=true), and a "
                + "second timed start.");
        t.notes().add("First read: from just before the child process is started until a new "
                + "session's getData of the last znode created returns (srvr polled every 20 ms "
                + "first, a fresh client per attempt). JVM start-up is part of it for both.");
        t.notes().add("Heap: jcmd <pid> GC.run (a full GC), then jcmd <pid> GC.heap_info 'used', on "
                + "the restarted server after its first read; per znode = that / znodes.");
        t.notes().add(String.format(Locale.ROOT, "%d CPU cores shared with other work on the "
                + "machine: timings are noisy.", Runtime.getRuntime().availableProcessors()));
        t.notes().add("Errors: Paddock " + p.loadErrors() + ", ZooKeeper " + z.loadErrors()
                + (p.complete() && z.complete() ? "; every znode came back on both."
                        : "; NOT every znode came back or some creates failed."));
        return t;
    }

    private void progress(String line) {
        out.println("[restart] " + line);
        out.flush();
    }
}
