package io.paddock.server.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.testing.Timing;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Each pipeline stage's batch sizes are reported by mntr (issue 11's per-stage batch size). */
class StageBatchSizesTest {

    @Test
    void everyStageReportsItsBatchSizes() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.start()) {
            CountDownLatch connected = new CountDownLatch(1);
            try (ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            })) {
                Timing.latch(connected);
                for (int i = 0; i < 20; i++) {
                    zk.create("/b" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
            }
            Map<String, String> mntr = FourLetterClient.mntr(server.port());
            for (String stage : PipelineStats.STAGES) {
                String avg = mntr.get("zk_paddock_" + stage + "_batch_size_avg");
                String max = mntr.get("zk_paddock_" + stage + "_batch_size_max");
                assertTrue(avg != null && Double.parseDouble(avg) >= 1, stage + " avg " + avg);
                assertTrue(max != null && Long.parseLong(max) >= 1, stage + " max " + max);
            }
        }
    }
}
