package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.testing.PaddockTestingServer;
import io.paddock.server.txn.TxnCodec;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.Timing;
import io.paddock.zab.Zxids;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
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
                // A restart is a new epoch (the standalone server is the leader of an ensemble of
                // one): the first session's close ended the old one, and this session's
                // createSession and create are the new epoch's first two txns.
                assertEquals(Zxids.make(Zxids.epoch(lastZxid) + 1, 2), created.getCzxid(),
                        "zxids continue in the next epoch");
            } finally {
                zk.close();
            }
        }
    }

    /**
     * Epoch files that lag the data (deleted here; likewise an imported ZooKeeper directory or
     * one from before the files existed) are raised to the data's epoch, so the next epoch is
     * above every logged zxid and zxids never go backwards or repeat an epoch.
     */
    @Test
    void epochFilesBehindTheDataAreRaisedSoZxidsKeepGrowing() throws Exception {
        long before;
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            server.restart(); // epoch 2: the files now say more than a fresh directory would
            ZooKeeper zk = connect(server.connectString());
            try {
                before = zk.create("/a", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, new Stat()) == null ? 0 : zk.exists("/a", false)
                        .getCzxid();
            } finally {
                zk.close();
            }
        }
        assertEquals(2, Zxids.epoch(before), "a fresh directory, then one restart");
        java.nio.file.Files.delete(dataDir.resolve("acceptedEpoch"));
        java.nio.file.Files.delete(dataDir.resolve("currentEpoch"));

        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .start()) {
            ZooKeeper zk = connect(server.connectString());
            try {
                Stat created = new Stat();
                zk.create("/b", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                        created);
                assertEquals(3, Zxids.epoch(created.getCzxid()),
                        "the next epoch above the data's, though the epoch files were gone");
                assertTrue(created.getCzxid() > before);
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

    @Test
    void failedWritesAreLoggedAsErrorTxnsAndReplayAsNoOps() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().dataDir(dataDir)
                .snapshotOnShutdown(false).start()) {
            long created;
            ZooKeeper zk = connect(server.connectString());
            try {
                Stat stat = new Stat();
                zk.create("/a", bytes("v"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                        stat);
                created = stat.getCzxid();
                assertThrows(KeeperException.NodeExistsException.class, () -> zk.create("/a",
                        bytes("again"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                assertThrows(KeeperException.BadVersionException.class,
                        () -> zk.setData("/a", bytes("x"), 9));
                assertThrows(KeeperException.NoNodeException.class, () -> zk.multi(List.of(
                        Op.setData("/a", bytes("y"), -1), Op.delete("/missing", -1))));
            } finally {
                zk.close();
            }
            List<Integer> types = new ArrayList<>();
            server.server().storage().fileLog().readFrom(created).forEachRemaining(
                    t -> types.add(TxnCodec.deserialize(t.bytes()).header().type()));
            assertEquals(List.of(OpCode.ERROR, OpCode.ERROR, OpCode.MULTI, OpCode.CLOSE_SESSION),
                    types, "each failure took a zxid and was logged");

            server.restart(); // no shutdown snapshot: the log is replayed

            ZooKeeper again = connect(server.connectString());
            try {
                assertArrayEquals(bytes("v"), again.getData("/a", false, null));
                assertEquals(0, again.exists("/a", false).getVersion());
                Stat after = new Stat();
                again.create("/b", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT, after);
                // Three failures and a close end the old epoch; this session's createSession and
                // this create are the next epoch's first two txns.
                assertEquals(Zxids.make(Zxids.epoch(created) + 1, 2), after.getCzxid());
            } finally {
                again.close();
            }
        }
    }
}
