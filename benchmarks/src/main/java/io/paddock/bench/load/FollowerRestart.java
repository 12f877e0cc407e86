package io.paddock.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * A restarted follower of a big tree: load N znodes of 100 bytes into the ensemble (official
 * client, async creates, sessions spread over the members), kill -9 a follower, write a little
 * while it is down (so it must catch up, not merely reload), start it again on its directory and
 * time from just before its process starts until {@code srvr} answers Mode: follower; then count
 * the znodes on it.
 *
 * <p>Not thread-safe: one run on the calling thread.
 */
final class FollowerRestart {
    static final String ROOT = "/big";
    private static final int PARENTS = 10;
    private static final int SESSION_TIMEOUT_MS = 30_000;
    private static final int WRITES_WHILE_DOWN = 100;

    /**
     * What it measured.
     *
     * @param znodes znodes loaded
     * @param loadSeconds wall time of the load
     * @param loadErrors failed creates by name
     * @param servingMillis from the follower's process start until srvr said Mode: follower
     * @param znodesOnFollower znodes counted on the restarted follower after it served
     */
    record Result(long znodes, double loadSeconds, Map<String, Long> loadErrors,
            long servingMillis, long znodesOnFollower) {
        boolean complete() {
            return loadErrors.isEmpty() && znodesOnFollower == znodes;
        }
    }

    private final Ensemble ensemble;
    private final long znodes;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final Keyspace values = new Keyspace(1, 100);

    FollowerRestart(Ensemble ensemble, long znodes, Duration timeout, Consumer<String> progress) {
        this.ensemble = ensemble;
        this.znodes = znodes;
        this.timeout = timeout;
        this.progress = progress;
    }

    Result run() throws IOException, InterruptedException, KeeperException {
        long t0 = System.nanoTime();
        Map<String, Long> errors = load();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        progress.accept(String.format(java.util.Locale.ROOT, "%s: %,d znodes loaded in %.1f s, "
                + "errors %s", ensemble.kind().label(), znodes, loadSeconds, errors));
        int follower = ensemble.modes().indexOf("follower");
        if (follower < 0) {
            throw new IllegalStateException(ensemble.kind().label() + ": no follower; modes "
                    + ensemble.modes());
        }
        ensemble.kill(follower);
        writeWhileDown(follower);
        ServerProcess restarted = ensemble.launch(follower);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!restarted.mode().equals("follower")) {
            if (!restarted.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(ensemble.kind().label() + " follower did not "
                        + "serve again; its logs:\n" + restarted.consoleTail());
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling the child's srvr: nothing to wait on
        }
        long serving = (System.nanoTime() - restarted.launchedNanos()) / 1_000_000;
        long found = count(connect("127.0.0.1:" + ensemble.clientPort(follower)));
        progress.accept(String.format(java.util.Locale.ROOT, "%s: restarted follower served "
                + "%d ms after its start, holds %,d znodes", ensemble.kind().label(), serving,
                found));
        ensemble.awaitWhole();
        return new Result(znodes, loadSeconds, errors, serving, found);
    }

    private Map<String, Long> load() throws IOException, InterruptedException, KeeperException {
        List<ZooKeeper> sessions = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        try {
            for (int i = 0; i < 2 * ensemble.size(); i++) {
                sessions.add(connect(ensemble.connectString(i)));
            }
            ZooKeeper zk = sessions.get(0);
            zk.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int p = 0; p < PARENTS; p++) {
                zk.create(parent(p), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                long share = znodes / PARENTS + (p < znodes % PARENTS ? 1 : 0);
                if (share == 0) {
                    continue;
                }
                RowOutcome o = new AsyncLoad(RowKind.CREATE, share, values, parent(p))
                        .run(sessions.stream().map(OfficialClientOps::over).toList(), 64,
                                Duration.ofMinutes(20));
                o.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            }
        } finally {
            for (ZooKeeper zk : sessions) {
                zk.close(1_000);
            }
        }
        return errors;
    }

    private void writeWhileDown(int down) throws IOException, InterruptedException,
            KeeperException {
        ZooKeeper zk = connect("127.0.0.1:" + ensemble.clientPort((down + 1) % ensemble.size()));
        try {
            for (int i = 0; i < WRITES_WHILE_DOWN; i++) {
                zk.setData(ROOT, values.value(), -1);
            }
        } finally {
            zk.close(1_000);
        }
    }

    /** Znodes under the parents as the given session's server sees them (after a sync). */
    private long count(ZooKeeper zk) throws InterruptedException, KeeperException {
        try {
            CountDownLatch synced = new CountDownLatch(1);
            zk.sync(ROOT, (rc, path, ctx) -> synced.countDown(), null);
            synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long n = 0;
            for (int p = 0; p < PARENTS; p++) {
                Stat stat = zk.exists(parent(p), false);
                n += stat == null ? 0 : stat.getNumChildren();
            }
            return n;
        } finally {
            zk.close(1_000);
        }
    }

    private static String parent(int p) {
        return ROOT + "/p" + p;
    }

    private ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new IOException(ensemble.kind().label() + " did not accept a session at "
                    + connectString);
        }
        return zk;
    }
}
