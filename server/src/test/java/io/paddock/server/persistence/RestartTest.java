package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Write through the official client, restart on the same data directory, find it all again. */
class RestartTest {
    /** Mutable: the client's ACL check calls contains(null), which List.of refuses. */
    private static final List<ACL> READ_ONLY_WORLD = new ArrayList<>(
            List.of(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.ADMIN, new Id("world", "anyone"))));

    @TempDir
    Path dataDir;

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            if (e.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected, Duration.ofSeconds(10)), "connected");
        return zk;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A bit of everything a txn can do. */
    private static void writeMix(ZooKeeper zk, int rounds) throws Exception {
        zk.create("/app", bytes("root"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < rounds; i++) {
            String p = zk.create("/app/item-", bytes("v" + i), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            zk.setData(p, bytes("changed-" + i), 0);
            if (i % 3 == 0) {
                zk.delete(p, 1);
            }
            if (i % 5 == 0) {
                zk.multi(List.of(
                        Op.create("/app/multi-" + i, bytes("m"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                                CreateMode.PERSISTENT),
                        Op.setData("/app", bytes("root-" + i), -1)));
            }
        }
        zk.create("/locked", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.setACL("/locked", READ_ONLY_WORLD, 0);
        zk.create("/container", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        zk.create("/container/child", bytes("c"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
    }

    @ParameterizedTest(name = "snapCount={0}, compression={1}")
    @CsvSource({"100000, false", "8, false", "8, true"})
    void everythingAcknowledgedIsBackWithTheSameStats(int snapCount, boolean compression)
            throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .snapCount(snapCount).snapshotCompression(compression).start()) {
            Map<String, TreeDump.NodeView> before;
            long lastZxid;
            ZooKeeper zk = connect(server.connectString());
            try {
                writeMix(zk, 40);
                before = TreeDump.of(zk);
                lastZxid = zk.exists("/container/child", false).getMzxid();
            } finally {
                zk.close();
            }
            if (snapCount < 100) {
                Timing.await(Duration.ofSeconds(10)).until(
                        () -> SnapshotStore.list(dataDir).size() >= 2);
            }

            server.restart();

            zk = connect(server.connectString());
            try {
                assertEquals(before, TreeDump.of(zk));
                Stat created = new Stat();
                zk.create("/after", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, created);
                assertTrue(created.getCzxid() > lastZxid, "zxids continue after the restart");
                assertEquals(lastZxid + 3, created.getCzxid(),
                        "only the first session's close and this one's create come between");
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void aSessionResumesAcrossARestartWithItsEphemerals() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            ZooKeeper zk = connect(server.connectString());
            try {
                long session = zk.getSessionId();
                zk.create("/mine", bytes("e"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

                server.restart();

                Timing.await(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> zk.exists("/mine", false) != null);
                assertEquals(session, zk.getSessionId());
                assertEquals(session, zk.exists("/mine", false).getEphemeralOwner());
                zk.setData("/mine", bytes("still mine"), -1);
                assertArrayEquals(bytes("still mine"), zk.getData("/mine", false, null));
            } finally {
                zk.close();
            }
            ZooKeeper other = connect(server.connectString());
            try {
                assertEquals(null, other.exists("/mine", false), "closing the session deleted it");
            } finally {
                other.close();
            }
        }
    }

    @Test
    void aSnapshotTakenMidStreamPlusTheLogRestoresEveryStat() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            ZooKeeper zk = connect(server.connectString());
            Map<String, TreeDump.NodeView> before;
            try {
                writeMix(zk, 10);
                assertTrue(server.server().storage().snapshotNow());
                for (int i = 0; i < 10; i++) {
                    zk.create("/app/late-" + i, bytes("l"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                    zk.delete("/app/late-" + i, -1);
                }
                before = TreeDump.of(zk);
            } finally {
                zk.close();
            }
            assertNotNull(SnapshotStore.list(dataDir).get(0));

            server.restart();

            zk = connect(server.connectString());
            try {
                assertEquals(before, TreeDump.of(zk));
            } finally {
                zk.close();
            }
        }
    }
}
