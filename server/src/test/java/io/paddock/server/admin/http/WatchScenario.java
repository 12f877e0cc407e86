package io.paddock.server.admin.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The state the admin-command tests look at, made the same way on any server: one session with
 * a persistent node /a, an ephemeral /e, a data watch on /a, a child watch on / and a
 * persistent recursive watch on /p.
 */
public final class WatchScenario {
    private WatchScenario() {
    }

    public static ZooKeeper apply(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(15)), "connected");
        zk.create("/a", new byte[3], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/e", new byte[3], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.exists("/a", true);
        zk.getChildren("/", true);
        zk.addWatch("/p", AddWatchMode.PERSISTENT_RECURSIVE);
        return zk;
    }
}
