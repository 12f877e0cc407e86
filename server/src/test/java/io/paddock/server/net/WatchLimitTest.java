package io.paddock.server.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.server.config.LimitsConfig;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * maxWatchesPerSession: at the bound a read that asks for a watch answers QUOTAEXCEEDED and
 * sets none; reads without a watch, other sessions, and watches freed by firing go on.
 */
class WatchLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ZooKeeper connect(PaddockTestingServer server, BlockingQueue<WatchedEvent> events)
            throws Exception {
        ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> {
            if (e.getType() != EventType.None) {
                events.add(e);
            }
        });
        Timing.await(WAIT).until(() -> zk.getState().isConnected());
        return zk;
    }

    @Test
    void readsBeyondTheBoundSetNoWatch() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .limits(LimitsConfig.DEFAULTS.withMaxWatchesPerSession(3)).start()) {
            BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
            ZooKeeper zk = connect(server, events);
            ZooKeeper other = connect(server, new LinkedBlockingQueue<>());
            for (String p : List.of("/a", "/b", "/c", "/d")) {
                zk.create(p, p.getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            zk.exists("/a", true);
            zk.getData("/b", true, null);
            zk.getChildren("/c", true);

            assertThrows(KeeperException.QuotaExceededException.class, () -> zk.getData("/d", true, null));
            assertThrows(KeeperException.QuotaExceededException.class, () -> zk.exists("/nothing", true));
            assertThrows(KeeperException.QuotaExceededException.class,
                    () -> zk.addWatch("/d", AddWatchMode.PERSISTENT_RECURSIVE));
            assertArrayEquals("/d".getBytes(), zk.getData("/d", false, null), "reads without a watch go on");
            other.getData("/d", true, null);

            zk.setData("/a", new byte[0], -1);
            WatchedEvent fired = Timing.poll(events, WAIT);
            assertEquals("/a", fired.getPath());
            zk.getData("/d", true, null); // the fired watch made room
            other.setData("/d", new byte[0], -1);
            assertEquals("/d", Timing.poll(events, WAIT).getPath());
            zk.close();
            other.close();
        }
    }
}
