package io.paddock.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** The txn log and snapshot metrics, as mntr prints them and as JMX exports them. */
class StorageMetricsTest {
    private static final int WRITES = 20;

    private static void writeSome(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            assertTrue(Timing.latch(connected, Duration.ofSeconds(10)), "connected");
            for (int i = 0; i < WRITES; i++) {
                zk.create("/n" + i, new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
        } finally {
            // Waits for the closeSession reply, so no write is in flight afterwards.
            zk.close();
        }
    }

    private static Map<String, String> mntr(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Timing.scaled(Duration.ofSeconds(10)).toMillis());
            socket.getOutputStream().write("mntr".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            Map<String, String> metrics = new HashMap<>();
            for (String line : answer.split("\n")) {
                String[] kv = line.split("\t", 2);
                assertEquals(2, kv.length, () -> "not key<TAB>value: " + line);
                metrics.put(kv[0], kv[1]);
            }
            return metrics;
        }
    }

    private static long number(Map<String, String> metrics, String key) {
        assertTrue(metrics.containsKey(key), () -> key + " missing from " + metrics);
        return Long.parseLong(metrics.get(key));
    }

    @Test
    void mntrShowsFsyncsSlowFsyncsLogBytesAndSnapshots() throws Exception {
        // A 0 ms threshold makes every real fsync a slow one, so the slow count is known.
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .fsyncWarningThresholdMs(0).start()) {
            writeSome(server.connectString());

            Map<String, String> m = mntr(server.port());
            long fsyncs = number(m, "zk_cnt_fsynctime");
            // createSession, the creates and closeSession: several group commits.
            assertTrue(fsyncs >= 2, m::toString);
            assertEquals(fsyncs, number(m, "zk_fsync_threshold_exceed_count"), m::toString);
            assertTrue(number(m, "zk_max_fsynctime") >= number(m, "zk_min_fsynctime"),
                    m::toString);
            assertTrue(number(m, "zk_sum_fsynctime") >= number(m, "zk_max_fsynctime"),
                    m::toString);
            assertTrue(Double.parseDouble(m.get("zk_avg_fsynctime")) >= 0, m::toString);
            assertTrue(number(m, "zk_txn_log_bytes_written") > WRITES * 100, m::toString);
            assertEquals(0, number(m, "zk_cnt_snapshottime"), m::toString);
            assertEquals("0x0", m.get("zk_last_snapshot_zxid"), m::toString);

            assertTrue(server.server().storage().snapshotNow());

            Map<String, String> after = mntr(server.port());
            assertEquals(1, number(after, "zk_cnt_snapshottime"), after::toString);
            assertEquals(after.get("zk_last_zxid"), after.get("zk_last_snapshot_zxid"),
                    after::toString);
            assertTrue(number(after, "zk_last_snapshot_duration_ms") >= 0, after::toString);
            assertEquals(fsyncs, number(after, "zk_cnt_fsynctime"), "a snapshot is no log fsync");
        }
    }

    @Test
    void theThresholdKeyIsThereAtTheDefaultThreshold() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.start()) {
            writeSome(server.connectString());

            Map<String, String> m = mntr(server.port());
            long fsyncs = number(m, "zk_cnt_fsynctime");
            assertTrue(fsyncs > 0, m::toString);
            long slow = number(m, "zk_fsync_threshold_exceed_count");
            assertTrue(slow >= 0 && slow <= fsyncs, m::toString);
        }
    }

    @Test
    void jmxExportsTheStorageMetrics() throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        ObjectName fsyncTime = new ObjectName("io.paddock:type=timers,name=fsync_time");
        ObjectName slow = new ObjectName(
                "io.paddock:type=gauges,name=fsync_threshold_exceed_count");
        ObjectName bytes = new ObjectName("io.paddock:type=gauges,name=txn_log_bytes_written");
        ObjectName snapshots = new ObjectName("io.paddock:type=timers,name=snapshot_time");
        ObjectName lastSnapshot = new ObjectName("io.paddock:type=gauges,name=last_snapshot_zxid");
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .fsyncWarningThresholdMs(0).metricsJmxEnabled(true).start()) {
            writeSome(server.connectString());
            assertTrue(server.server().storage().snapshotNow());

            long fsyncs = (Long) mbeans.getAttribute(fsyncTime, "Count");
            assertTrue(fsyncs >= 2, "fsyncs " + fsyncs);
            assertEquals(fsyncs, (Long) mbeans.getAttribute(slow, "Value"));
            assertTrue((Long) mbeans.getAttribute(bytes, "Value") > WRITES * 100);
            assertEquals(1L, (Long) mbeans.getAttribute(snapshots, "Count"));
            assertEquals(server.server().storage().tree().lastProcessedZxid(),
                    (Long) mbeans.getAttribute(lastSnapshot, "Value"));
        }
        assertFalse(mbeans.isRegistered(fsyncTime), "unregistered when the server stops");
    }
}
