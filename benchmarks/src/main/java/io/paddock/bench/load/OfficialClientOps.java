package io.paddock.bench.load;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The official ZooKeeper 3.9.5 client's async API (callbacks on its event thread), one session.
 * Thread-safe as the client is.
 */
final class OfficialClientOps implements ClientOps {
    private final ZooKeeper zk;

    private OfficialClientOps(ZooKeeper zk) {
        this.zk = zk;
    }

    static OfficialClientOps connect(String connectString, int sessionTimeoutMs)
            throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMs, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(sessionTimeoutMs, TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new IOException("the official client could not connect to " + connectString);
        }
        return new OfficialClientOps(zk);
    }

    /** Requests on a session someone else opened; closing this closes that session. */
    static OfficialClientOps over(ZooKeeper zk) {
        return new OfficialClientOps(zk);
    }

    @Override
    public String label() {
        return "official client";
    }

    @Override
    public void create(String path, byte[] data, Completion done) {
        zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                (rc, p, ctx, name) -> done.done(error(rc)), null);
    }

    @Override
    public void exists(String path, Completion done) {
        zk.exists(path, false, (rc, p, ctx, stat) -> done.done(error(rc)), null);
    }

    @Override
    public void getData(String path, Completion done) {
        zk.getData(path, false, (rc, p, ctx, data, stat) -> done.done(error(rc)), null);
    }

    @Override
    public void setData(String path, byte[] data, Completion done) {
        zk.setData(path, data, -1, (rc, p, ctx, stat) -> done.done(error(rc)), null);
    }

    private static String error(int rc) {
        return rc == 0 ? null : KeeperException.Code.get(rc).name();
    }

    @Override
    public void close() {
        try {
            zk.close(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
