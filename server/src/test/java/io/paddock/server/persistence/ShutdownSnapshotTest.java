package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServer;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.Timing;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** snapshotOnShutdown: a clean close leaves a snapshot of everything applied. */
class ShutdownSnapshotTest {
    private static final int NODES = 30;

    @TempDir
    Path dataDir;

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(10)), "connected");
        return zk;
    }

    private static void writeNodes(String connectString) throws Exception {
        ZooKeeper zk = connect(connectString);
        try {
            for (int i = 0; i < NODES; i++) {
                zk.create("/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        } finally {
            zk.close(); // its closeSession is the last txn
        }
    }

    private static void assertNodesThere(String connectString) throws Exception {
        ZooKeeper zk = connect(connectString);
        try {
            for (int i = 0; i < NODES; i++) {
                assertEquals("v" + i, new String(zk.getData("/n" + i, false, null),
                        StandardCharsets.UTF_8));
            }
        } finally {
            zk.close();
        }
    }

    private List<Long> snapshotZxids() throws Exception {
        return SnapshotStore.list(dataDir).stream().map(SnapshotStore::zxidOf).toList();
    }

    @Test
    void aCleanRestartLeavesASnapshotAtTheLastZxid() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            writeNodes(server.connectString());
            long lastZxid = server.server().storage().tree().lastProcessedZxid();
            assertEquals(List.of(), snapshotZxids(), "snapCount is far off");

            server.restart();

            assertEquals(List.of(lastZxid), snapshotZxids());
            assertEquals(lastZxid, server.server().storage().lastSnapshotZxid(),
                    "the new server loaded it");
            assertEquals(lastZxid, server.server().storage().tree().lastProcessedZxid());
            assertNodesThere(server.connectString());
        }
    }

    @Test
    void nothingAppliedSinceTheLastSnapshotMeansNoNewOne() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            writeNodes(server.connectString());
            assertTrue(server.server().storage().snapshotNow());
            List<Long> before = snapshotZxids();

            server.restart();

            assertEquals(before, snapshotZxids());
        }
    }

    @Test
    void withTheKeyOffShutdownWritesNoSnapshot() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .snapshotOnShutdown(false).start()) {
            writeNodes(server.connectString());

            server.restart();

            assertEquals(List.of(), snapshotZxids());
            assertNodesThere(server.connectString()); // replayed from the log
        }
        assertEquals(List.of(), snapshotZxids());
    }

    @Test
    void aServerThatFailsToStartWritesNoSnapshot() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .snapshotOnShutdown(false).start()) {
            writeNodes(server.connectString());
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.builder().dataDir(dataDir)
                    .clientAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            taken.getLocalPort()))
                    .metricsJmxEnabled(false).build();
            PaddockServer server = new PaddockServer(config);
            assertNotNull(server.storage());

            assertThrows(Exception.class, server::start, "the port is taken");
        }

        assertEquals(List.of(), snapshotZxids(), "recovered and behind, but never started");
        try (PaddockTestingServer again = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            assertNodesThere(again.connectString()); // the failed start released the log
        }
    }
}
