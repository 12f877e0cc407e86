package io.paddock.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * The restart benchmark on one server: start it empty on a fresh directory and read its
 * baseline heap; load the znodes with async creates under a few parents; kill it with SIGKILL;
 * start it again on the same directory and port and time the first read of the last znode
 * created (a crash restart); stop that one with SIGTERM; start it once more and time the first
 * read again (a clean restart); read its heap after a full GC; count the znodes it brought back.
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
final class RestartRun {
    static final String ROOT = "/restart";
    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(20);

    private final ServerKind kind;
    private final RestartOptions options;
    private final String classpath;
    private final HeapProbe heap = new HeapProbe();
    private final Keyspace values = new Keyspace(1, 100);
    private final Consumer<String> progress;

    RestartRun(ServerKind kind, RestartOptions options, String classpath,
            Consumer<String> progress) {
        this.kind = kind;
        this.options = options;
        this.classpath = classpath;
        this.progress = progress;
    }

    RestartResult run() throws IOException, InterruptedException, KeeperException {
        Path dir = Files.createTempDirectory("paddock-restart-" + kind.name().toLowerCase() + "-");
        boolean keep = false;
        int port = ServerProcess.freePort();
        try {
            ServerProcess first = ServerProcess.launch(kind, options.settings(), classpath, dir,
                    port);
            long baseline;
            Map<String, Long> errors;
            double loadSeconds;
            long stopMillis;
            try {
                new FirstReadOfRoot(first).await();
                baseline = heap.usedAfterFullGc(first.pid());
                progress.accept(kind.label() + ": baseline heap " + baseline / 1024 + " KB; "
                        + "loading " + options.znodes() + " znodes");
                long t0 = System.nanoTime();
                errors = load(first);
                loadSeconds = (System.nanoTime() - t0) / 1e9;
                progress.accept(String.format("%s: loaded in %.1f s (%,.0f creates/s), errors %s",
                        kind.label(), loadSeconds, options.znodes() / loadSeconds, errors));
                first.kill();
                progress.accept(kind.label() + ": killed with SIGKILL after the load");
            } finally {
                first.close();
            }
            // The crash restart: whatever the log holds past the last snapshot is replayed.
            ServerProcess crashed = ServerProcess.launch(kind, options.settings(), classpath,
                    dir, port);
            long crashFirstRead;
            try {
                FirstRead read = new FirstRead(crashed, lastPath());
                read.await(TimeUnit.MINUTES.toMillis(10));
                crashFirstRead = (read.readNanos() - crashed.launchedNanos()) / 1_000_000;
                progress.accept(kind.label() + ": first read " + crashFirstRead
                        + " ms after a start that followed kill -9");
                long s0 = System.nanoTime();
                int status = crashed.stop(Duration.ofMinutes(2));
                stopMillis = (System.nanoTime() - s0) / 1_000_000;
                progress.accept(kind.label() + ": stopped by SIGTERM in " + stopMillis
                        + " ms, exit status " + status);
            } finally {
                crashed.close();
            }
            long onDisk = sizeOf(dir.resolve("data"));
            ServerProcess second = ServerProcess.launch(kind, options.settings(), classpath, dir,
                    port);
            try {
                FirstRead read = new FirstRead(second, lastPath());
                byte[] data = read.await(TimeUnit.MINUTES.toMillis(10));
                long firstRead = (read.readNanos() - second.launchedNanos()) / 1_000_000;
                long serving = (read.servingNanos() - second.launchedNanos()) / 1_000_000;
                if (!Arrays.equals(data, values.value())) {
                    throw new IllegalStateException(kind.label() + " returned other data for "
                            + lastPath() + " after the restart");
                }
                long restarted = heap.usedAfterFullGc(second.pid());
                long found = countZnodes(second);
                progress.accept(String.format("%s: first read %d ms after process start "
                        + "(srvr serving at %d ms); heap after GC %,d KB; %d znodes back",
                        kind.label(), firstRead, serving, restarted / 1024, found));
                return new RestartResult(options.znodes(), loadSeconds, errors, crashFirstRead,
                        stopMillis,
                        serving, firstRead, baseline, restarted, onDisk, found);
            } finally {
                keep = !second.isAlive();
                second.close();
            }
        } catch (RuntimeException | IOException e) {
            keep = true;
            throw e;
        } finally {
            keepLogs(dir);
            if (keep) {
                progress.accept(kind.label() + ": logs kept in " + dir);
            } else {
                ServerProcess.deleteQuietly(dir);
            }
        }
    }

    /** Both starts' server log, beside the report: it says where each start spent its time. */
    private void keepLogs(Path dir) {
        String name = "restart-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-server.log";
        try {
            Files.createDirectories(options.outputDir());
            Files.copy(dir.resolve("server.log"), options.outputDir().resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            progress.accept(kind.label() + ": could not keep server.log: " + e);
        }
    }

    private Map<String, Long> load(ServerProcess server)
            throws IOException, InterruptedException, KeeperException {
        List<ZooKeeper> sessions = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        try {
            for (int i = 0; i < options.sessions(); i++) {
                sessions.add(connect(server));
            }
            ZooKeeper zk = sessions.get(0);
            zk.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int p = 0; p < options.parents(); p++) {
                zk.create(parent(p), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                RowOutcome o = new AsyncLoad(RowKind.CREATE, perParent(p), values, parent(p))
                        .run(sessions.stream().map(OfficialClientOps::over).toList(),
                                options.outstanding(), LOAD_TIMEOUT);
                o.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            }
        } finally {
            for (ZooKeeper zk : sessions) {
                zk.close(1_000);
            }
        }
        return errors;
    }

    private long countZnodes(ServerProcess server)
            throws IOException, InterruptedException, KeeperException {
        ZooKeeper zk = connect(server);
        try {
            long n = 0;
            for (int p = 0; p < options.parents(); p++) {
                Stat stat = zk.exists(parent(p), false);
                n += stat == null ? 0 : stat.getNumChildren();
            }
            return n;
        } finally {
            zk.close(1_000);
        }
    }

    private static ZooKeeper connect(ServerProcess server) throws IOException,
            InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(server.connectString(), SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new IOException(server.kind().label() + " did not accept a session");
        }
        return zk;
    }

    /** Znodes under parent p: an even share, the remainder under the last parent. */
    private long perParent(int p) {
        long share = options.znodes() / options.parents();
        return p == options.parents() - 1 ? options.znodes() - share * (options.parents() - 1)
                : share;
    }

    private static String parent(int p) {
        return ROOT + "/p" + p;
    }

    /** The last znode created: the newest write, so recovery must have replayed to the end. */
    private String lastPath() {
        int p = options.parents() - 1;
        return parent(p) + "/n" + (perParent(p) - 1);
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The first start of an empty server: serving once "/" (always there) can be read. */
    private static final class FirstReadOfRoot {
        private final FirstRead read;

        FirstReadOfRoot(ServerProcess server) {
            this.read = new FirstRead(server, "/");
        }

        void await() throws IOException, InterruptedException {
            read.await(TimeUnit.MINUTES.toMillis(2));
        }
    }
}
