package io.paddock.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.testing.Timing;
import io.paddock.server.ServerHooks;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.GatedTxnLog;
import io.paddock.server.testing.PaddockTestingServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** The pipeline's ring depths and commit lag, as mntr prints them and as JMX exports them. */
class PipelineMetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int WRITES = 5;
    private static final String[] KEYS = {"zk_paddock_request_ring_depth",
        "zk_paddock_commit_ring_depth", "zk_paddock_commit_lag", "zk_paddock_paused_connections",
        "zk_paddock_read_pauses"};

    private static long metric(Map<String, String> m, String key) {
        assertTrue(m.containsKey(key), () -> key + " missing from " + m);
        return Long.parseLong(m.get(key));
    }

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(10, TimeUnit.SECONDS), "connected");
        return zk;
    }

    @Test
    void commitLagAndRingDepthRiseWhileTheLogIsHeldAndFallBackAfter() throws Exception {
        AtomicReference<GatedTxnLog> gate = new AtomicReference<>();
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .hooks(ServerHooks.NONE.withTxnLog(log -> {
                    gate.set(new GatedTxnLog(log));
                    return gate.get();
                })).start()) {
            ZooKeeper zk = connect(server.connectString());
            try {
                Map<String, String> idle = FourLetterClient.mntr(server.port());
                for (String key : KEYS) {
                    assertEquals(0, metric(idle, key), key);
                }

                gate.get().hold();
                CountDownLatch done = new CountDownLatch(WRITES);
                for (int i = 0; i < WRITES; i++) {
                    zk.create("/n" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT, (rc, path, ctx, name) -> done.countDown(), null);
                }
                try {
                    // Prepared (zxids handed out) but neither persisted nor applied.
                    Timing.await(WAIT).untilAsserted(() -> {
                        Map<String, String> held = FourLetterClient.mntr(server.port());
                        assertEquals(WRITES, metric(held, "zk_paddock_commit_lag"));
                        assertEquals(WRITES, metric(held, "zk_paddock_request_ring_depth"));
                    });
                } finally {
                    gate.get().release();
                }
                assertTrue(done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                Timing.await(WAIT).untilAsserted(() -> {
                    Map<String, String> after = FourLetterClient.mntr(server.port());
                    assertEquals(0, metric(after, "zk_paddock_commit_lag"));
                    assertEquals(0, metric(after, "zk_paddock_request_ring_depth"));
                    assertEquals(0, metric(after, "zk_paddock_commit_ring_depth"));
                });
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void jmxExportsThePipelineGauges() throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        String[] names = {"pipeline_request_ring_depth", "pipeline_commit_ring_depth",
            "pipeline_commit_lag", "pipeline_paused_connections", "pipeline_read_pauses"};
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .metricsJmxEnabled(true).start()) {
            ZooKeeper zk = connect(server.connectString());
            zk.close();
            for (String name : names) {
                ObjectName gauge = new ObjectName("io.paddock:type=gauges,name=" + name);
                assertEquals(0L, (Long) mbeans.getAttribute(gauge, "Value"), name);
            }
        }
        assertFalse(mbeans.isRegistered(new ObjectName(
                "io.paddock:type=gauges,name=pipeline_commit_lag")));
    }
}
