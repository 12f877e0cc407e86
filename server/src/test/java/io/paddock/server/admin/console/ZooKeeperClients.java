package io.paddock.server.admin.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Connects the official ZooKeeper client and waits until it is connected. */
final class ZooKeeperClients {
    private ZooKeeperClients() {
    }

    static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(15)), "connected");
        return zk;
    }
}
