package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that cannot be written does not stop the server: the log still holds every txn
 * since the previous snapshot, which stays intact, so the server keeps serving and a restart
 * recovers everything from that snapshot and the log (the decision is in docs/storage.md).
 * The failure is made real: a directory squats on the snapshot's temporary file name, so
 * opening it for writing fails as a full or read-only disk would.
 */
class SnapshotFailureTest {
    @TempDir
    Path dataDir;

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected), "connected");
        return zk;
    }

    @Test
    void aFailedSnapshotKeepsThePreviousOneAndTheServerServing() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .snapshotOnShutdown(false).start()) {
            ZooKeeper zk = connect(server.connectString());
            try {
                zk.create("/before", "1".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertTrue(server.server().storage().snapshotNow(), "the first snapshot");
                List<Path> good = SnapshotStore.list(dataDir);
                byte[] goodBytes = Files.readAllBytes(good.get(good.size() - 1));

                Stat stat = new Stat();
                zk.create("/between", "2".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, stat);
                Path squatter = Files.createDirectory(dataDir.resolve(
                        "snapshot." + Long.toHexString(stat.getMzxid()) + ".tmp"));

                assertFalse(server.server().storage().snapshotNow(), "this snapshot fails");
                assertFalse(Files.exists(squatter), "the failed temporary file is removed");
                assertEquals(good, SnapshotStore.list(dataDir), "no new snapshot file");
                assertArrayEquals(goodBytes, Files.readAllBytes(good.get(good.size() - 1)));

                zk.create("/after", "3".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertFalse(server.server().failure().toCompletableFuture().isDone(),
                        "the server keeps serving");
            } finally {
                zk.close();
            }

            server.restart();
            ZooKeeper again = connect(server.connectString());
            try {
                for (String path : List.of("/before", "/between", "/after")) {
                    assertNotNull(again.exists(path, false), path + " is back");
                }
            } finally {
                again.close();
            }
        }
    }
}
