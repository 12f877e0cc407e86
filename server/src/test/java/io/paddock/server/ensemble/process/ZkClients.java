package io.paddock.server.ensemble.process;

import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Official-client helpers for the process tests. Stateless. */
public final class ZkClients {
    /** Within the servers' bounds at the tick these tests use (at most 20 ticks). */
    public static final int SESSION_TIMEOUT_MS = 5000;

    private ZkClients() {
    }

    /** A connected client; fails if it does not connect in time. */
    public static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!Timing.latch(connected, Duration.ofSeconds(30))) {
            zk.close();
            throw new IllegalStateException("no connection to " + connectString);
        }
        return zk;
    }

    /** sync(path), waited for. */
    public static void sync(ZooKeeper zk, String path) throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        zk.sync(path, (rc, p, ctx) -> done.complete(rc), null);
        int rc = Timing.get(done, Duration.ofSeconds(10));
        if (rc != 0) {
            throw KeeperException.create(KeeperException.Code.get(rc), path);
        }
    }

    /** The client port of the server the client is connected to now, from its toString. */
    static int connectedPort(ZooKeeper zk) {
        String s = zk.toString();
        int at = s.indexOf("remoteserver:");
        if (at < 0) {
            return -1;
        }
        String rest = s.substring(at + "remoteserver:".length()).split(" ")[0];
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(rest.substring(colon + 1));
    }
}
