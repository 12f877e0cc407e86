package io.paddock.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Drives one server under test: holds its client sessions, lays out the keyspace, and measures
 * rows while sampling the server's CPU and RSS around each repeat. The keyspace, the watch row
 * and each create row's parent use official ZooKeeper client sessions (default socket); the
 * throughput rows run on the {@link LoadClient} chosen, over those same sessions for the
 * official client or over sessions of Paddock's client opened beside them.
 *
 * <p>Not thread-safe: used by the benchmark's main thread only.
 */
final class ServerDriver implements AutoCloseable {
    private static final int SESSION_TIMEOUT_MS = 30_000;

    private final ServerUnderTest server;
    private final Keyspace keys;
    private final Duration rowTimeout;
    private final LoadClient client;
    private final List<ZooKeeper> sessions = new ArrayList<>();
    private final List<ClientOps> load = new ArrayList<>();
    private int createParents;

    ServerDriver(ServerUnderTest server, Keyspace keys, Duration rowTimeout, LoadClient client) {
        this.server = server;
        this.keys = keys;
        this.rowTimeout = rowTimeout;
        this.client = client;
    }

    ServerKind kind() {
        return server.kind();
    }

    /**
     * Opens {@code sessionCount} sessions of the load client (and, for Paddock's, two official
     * ones for the watch row beside them) and creates /bench, its keyspace and the watch and
     * churn parents.
     */
    void prepare(int sessionCount) throws IOException, InterruptedException, KeeperException {
        int official = client == LoadClient.OFFICIAL ? sessionCount : Math.min(2, sessionCount);
        for (int i = 0; i < official; i++) {
            sessions.add(connect(server.connectString(i)));
        }
        for (int i = 0; i < sessionCount; i++) {
            load.add(client == LoadClient.OFFICIAL ? OfficialClientOps.over(sessions.get(i))
                    : connectPaddock(server.connectString(i)));
        }
        ZooKeeper zk = sessions.get(0);
        for (String p : List.of(Keyspace.ROOT, Keyspace.KEYS, watchPath(), churnParent())) {
            zk.create(p, keys.value(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        createAll(zk, keys.keys());
        syncAll();
    }

    /**
     * Every session syncs with the leader, so a session on an ensemble's follower reads the
     * keyspace just created through another server (a no-op wait for a standalone server).
     */
    private void syncAll() throws InterruptedException {
        CountDownLatch synced = new CountDownLatch(sessions.size());
        for (ZooKeeper zk : sessions) {
            zk.sync(Keyspace.KEYS, (rc, path, ctx) -> synced.countDown(), null);
        }
        if (!synced.await(rowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(server.kind().label() + ": sync after laying out "
                    + "the keyspace did not complete");
        }
    }

    private ClientOps connectPaddock(String connectString) throws IOException {
        try {
            return PaddockClientOps.connect(connectString, SESSION_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IOException(server.kind().label() + " did not accept a session of "
                    + "Paddock's client; its log:\n" + server.consoleTail(), e);
        }
    }

    private ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new IOException(server.kind().label() + " did not accept a session; its log:\n"
                    + server.consoleTail());
        }
        return zk;
    }

    private void createAll(ZooKeeper zk, List<String> paths) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(paths.size());
        AtomicInteger failed = new AtomicInteger();
        for (String p : paths) {
            zk.create(p, keys.value(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                    (rc, path, ctx, name) -> {
                        if (rc != 0) {
                            failed.incrementAndGet();
                        }
                        done.countDown();
                    }, null);
        }
        if (!done.await(rowTimeout.toMillis(), TimeUnit.MILLISECONDS) || failed.get() > 0) {
            throw new IllegalStateException(server.kind().label() + " could not create the "
                    + "keyspace (" + failed.get() + " failed)");
        }
    }

    /** Runs one repeat of a row and samples the server around it. */
    Measurement measure(RowSpec row) throws InterruptedException, KeeperException {
        if (!server.isAlive()) {
            // Counted, not dropped: every request of the row failed because the server is gone.
            return new Measurement(new RowOutcome(row.ops(), 0, Map.of("SERVER_EXITED",
                    row.ops()), 0, new Histogram(3)), 0, 0);
        }
        server.resetPeakRss();
        ProcStats before = server.stats();
        RowOutcome outcome = switch (row.kind()) {
            case WATCH -> new WatchLatency(sessions.get(0), sessions.get(1), watchPath(),
                    keys.value()).run(row.ops(), rowTimeout);
            case SESSION_CHURN -> new SessionChurn(server.connectString(), churnParent(),
                    keys.value()).run(row.ops(), row.sessions(), rowTimeout);
            default -> asyncLoad(row);
        };
        ProcStats after = server.stats();
        return new Measurement(outcome, after.cpuNanos() - before.cpuNanos(), after.peakRssKb());
    }

    private RowOutcome asyncLoad(RowSpec row) throws InterruptedException {
        String parent = null;
        if (row.kind() == RowKind.CREATE) {
            parent = Keyspace.ROOT + "/c" + (createParents++);
            try {
                sessions.get(0).create(parent, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            } catch (KeeperException e) {
                return new RowOutcome(row.ops(), 0, Map.of(e.code().name(), row.ops()), 0,
                        new Histogram(3));
            }
        }
        List<ClientOps> used = load.subList(0, Math.min(row.sessions(), load.size()));
        return new AsyncLoad(row.kind(), row.ops(), keys, parent)
                .run(used, row.outstanding(), rowTimeout);
    }

    private static String watchPath() {
        return Keyspace.ROOT + "/watched";
    }

    private static String churnParent() {
        return Keyspace.ROOT + "/churn";
    }

    @Override
    public void close() {
        if (client != LoadClient.OFFICIAL) {
            // The official client's load sessions are views of the sessions closed below.
            load.forEach(ClientOps::close);
        }
        load.clear();
        for (ZooKeeper zk : sessions) {
            try {
                zk.close(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sessions.clear();
    }
}
