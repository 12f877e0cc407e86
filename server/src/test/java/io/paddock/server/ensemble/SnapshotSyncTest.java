package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/**
 * A follower too far behind for a DIFF (paddock.sync.maxDiffTxns) catches up by the leader's
 * snapshot: the server's tree is replaced, made durable, and a restart recovers from it.
 */
class SnapshotSyncTest {

    /**
     * The leader writes the snapshot while its commits go on (a fuzzy snapshot): writes made
     * during the sync reach the new follower too, replayed over the snapshot.
     */
    @Test
    void writesDuringTheSnapshotSyncReachTheFollower() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.startWith(3,
                c -> c.withSyncMaxDiffTxns(0))) {
            long leader = ensemble.awaitLeader();
            long behind = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            ensemble.stopServer(behind);
            java.util.List<String> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean writing =
                    new java.util.concurrent.atomic.AtomicBoolean(true);
            try (ZooKeeper zk = connect(ensemble.connectString(leader))) {
                for (int i = 0; i < 200; i++) {
                    zk.create("/pre" + i, new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                Thread writer = new Thread(() -> {
                    for (int i = 0; writing.get(); i++) {
                        try {
                            zk.create("/during" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                                    CreateMode.PERSISTENT);
                            acked.add("/during" + i);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                writer.start();
                ensemble.startServer(behind);
                ensemble.awaitServing(ensemble.ids());
                Timing.await().until(() -> acked.size() > 20);
                writing.set(false);
                assertTrue(Timing.join(writer, java.time.Duration.ofSeconds(10)));
            }
            try (ZooKeeper there = connect(ensemble.connectString(behind))) {
                there.sync("/", (rc, path, ctx) -> { }, null);
                Timing.await().until(() -> there.exists(acked.get(acked.size() - 1), false) != null);
                for (String path : acked) {
                    assertNotNull(there.exists(path, false), path);
                }
                assertNotNull(there.exists("/pre199", false));
            }
        }
    }

    @Test
    void aFollowerFarBehindIsSyncedBySnapshotAndKeepsItAcrossARestart() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.startWith(3,
                c -> c.withSyncMaxDiffTxns(5))) {
            long leader = ensemble.awaitLeader();
            long behind = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            long ephemeralOwner;
            try (ZooKeeper zk = connect(ensemble.connectString(leader))) {
                zk.create("/before", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                Timing.await().until(() -> ensemble.server(behind).storage().tree()
                        .node("/before") != null);
                long stoppedAt = ensemble.server(behind).storage().tree().lastProcessedZxid();
                ensemble.stopServer(behind);
                for (int i = 0; i < 40; i++) {
                    zk.create("/n" + i, bytes("v" + i), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                zk.delete("/before", -1);
                zk.create("/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                ephemeralOwner = zk.getSessionId();
                ensemble.startServer(behind);
                ensemble.awaitServing(ensemble.ids());
                assertTrue(newestSnapshot(ensemble, behind) > stoppedAt,
                        "the follower installed and wrote the leader's snapshot");
                try (ZooKeeper there = connect(ensemble.connectString(behind))) {
                    assertSynced(there, ephemeralOwner);
                }
                ensemble.stopServer(behind);
                ensemble.startServer(behind);
                ensemble.awaitServing(ensemble.ids());
                try (ZooKeeper there = connect(ensemble.connectString(behind))) {
                    assertSynced(there, ephemeralOwner);
                }
            }
        }
    }

    private static void assertSynced(ZooKeeper zk, long ephemeralOwner) throws Exception {
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(bytes("v" + i), zk.getData("/n" + i, false, null), "/n" + i);
        }
        assertEquals(null, zk.exists("/before", false));
        Stat eph = zk.exists("/eph", false);
        assertNotNull(eph);
        assertEquals(ephemeralOwner, eph.getEphemeralOwner());
    }

    private static long newestSnapshot(PaddockEnsemble ensemble, long id) throws Exception {
        return SnapshotStore.list(ensemble.server(id).config().dataDir()).stream()
                .mapToLong(SnapshotStore::zxidOf).max().orElse(-1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 6000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        Timing.latch(connected);
        return zk;
    }
}
