package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/** The shortest end-to-end path: the official client creates, reads, watches and closes. */
class StandaloneServerSmokeTest {
    @Test
    void officialClientCreatesReadsAndWatches() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.start()) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertTrue(Timing.latch(connected, Duration.ofSeconds(10)));
                assertEquals("/a", zk.create("/a", "x".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT));
                BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
                Stat stat = new Stat();
                assertArrayEquals("x".getBytes(), zk.getData("/a", events::add, stat));
                assertEquals(0, stat.getVersion());
                zk.setData("/a", "y".getBytes(), 0);
                WatchedEvent e = Timing.poll(events, Duration.ofSeconds(10));
                assertEquals(Watcher.Event.EventType.NodeDataChanged, e.getType());
                assertEquals("/a", e.getPath());
                String seq = zk.create("/a/s-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL_SEQUENTIAL);
                assertEquals("/a/s-0000000000", seq);
                assertEquals(1, zk.getChildren("/a", false).size());
            } finally {
                zk.close();
            }
        }
    }

    /**
     * Reads and writes pipelined on one session come back in the order they were sent: the
     * read fast path must never let a read overtake an earlier request of its session (the
     * official client drops the connection on an out-of-order reply).
     */
    @Test
    void pipelinedMixOnOneSessionAnswersInOrder() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.start()) {
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertTrue(Timing.latch(connected, Duration.ofSeconds(10)));
                zk.create("/mix", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                int n = 3000;
                CountDownLatch done = new CountDownLatch(n);
                java.util.List<Integer> order = java.util.Collections.synchronizedList(
                        new java.util.ArrayList<>());
                java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
                for (int i = 0; i < n; i++) {
                    int seq = i;
                    if (i % 7 == 0) {
                        zk.setData("/mix", new byte[100], -1, (rc, path, ctx, stat) -> {
                            record(rc, seq, order, failures, done);
                        }, null);
                    } else {
                        zk.getData("/mix", false, (rc, path, ctx, data, stat) -> {
                            record(rc, seq, order, failures, done);
                        }, null);
                    }
                }
                assertTrue(Timing.latch(done, Duration.ofSeconds(30)));
                assertEquals(0, failures.get());
                for (int i = 0; i < n; i++) {
                    assertEquals(i, order.get(i));
                }
            } finally {
                zk.close();
            }
        }
    }

    private static void record(int rc, int seq, java.util.List<Integer> order,
            java.util.concurrent.atomic.AtomicInteger failures, CountDownLatch done) {
        if (rc != 0) {
            failures.incrementAndGet();
        }
        order.add(seq);
        done.countDown();
    }
}
