package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/** A 3-server ensemble in one JVM driven by the official ZooKeeper client. */
class InProcessEnsembleTest {

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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesThroughAFollowerAreSeenOnEveryServer() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0)) {
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            try (ZooKeeper zk = connect(ensemble.connectString(follower))) {
                zk.create("/a", bytes("one"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                Stat stat = zk.setData("/a", bytes("two"), 0);
                assertEquals(1, stat.getVersion());
                zk.create("/q", bytes(""), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                String seq = zk.create("/q/n-", bytes(""), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT_SEQUENTIAL);
                assertEquals("/q/n-0000000000", seq);
                // Read-your-writes on the follower itself, without a sync.
                assertArrayEquals(bytes("two"), zk.getData("/a", false, null));
                for (long id : ensemble.ids()) {
                    try (ZooKeeper other = connect(ensemble.connectString(id))) {
                        other.sync("/a");
                        assertArrayEquals(bytes("two"), other.getData("/a", false, null),
                                "server " + id);
                    }
                }
            }
        }
    }

    @Test
    void theLeaderCanFailAndSessionsAndWritesCarryOn() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0)) {
            long leader = ensemble.awaitLeader();
            try (ZooKeeper zk = connect(ensemble.connectString())) {
                zk.create("/eph", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                zk.create("/kept", bytes("k"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                long session = zk.getSessionId();
                ensemble.stopServer(leader);
                long next = ensemble.awaitLeader();
                assertNotEquals(leader, next);
                Timing.await().ignoreExceptions().until(() -> {
                    zk.setData("/kept", bytes("after"), -1);
                    return true;
                });
                assertEquals(session, zk.getSessionId());
                Stat eph = zk.exists("/eph", false);
                assertNotNull(eph, "the ephemeral survives the leader change");
                assertEquals(session, eph.getEphemeralOwner());
                ensemble.startServer(leader);
                ensemble.awaitServing(ensemble.ids());
                try (ZooKeeper back = connect(ensemble.connectString(leader))) {
                    back.sync("/kept");
                    assertArrayEquals(bytes("after"), back.getData("/kept", false, null));
                    assertEquals(List.of("eph", "kept", "zookeeper"),
                            back.getChildren("/", false).stream().sorted().toList());
                }
            }
        }
    }

    @Test
    void aLeaderChangeIsNotADisconnectForClientsOfServersThatStayUp() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0)) {
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst().get();
            List<Watcher.Event.KeeperState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch connected = new CountDownLatch(1);
            try (ZooKeeper zk = new ZooKeeper(ensemble.connectString(follower), 6000, e -> {
                states.add(e.getState());
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            })) {
                Timing.latch(connected);
                zk.create("/r", bytes("0"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                long session = zk.getSessionId();
                ensemble.stopServer(leader);
                // Sent while there may be no leader: held, then answered once one serves.
                Stat stat = zk.setData("/r", bytes("1"), 0);
                assertEquals(1, stat.getVersion());
                long next = ensemble.awaitLeader();
                assertNotEquals(leader, next);
                zk.setData("/r", bytes("2"), 1);
                assertArrayEquals(bytes("2"), zk.getData("/r", false, null));
                assertEquals(session, zk.getSessionId());
                assertEquals(List.of(Watcher.Event.KeeperState.SyncConnected), states,
                        "the client of a server that stayed up never saw a disconnect");
            }
        }
    }

    @Test
    void operatorsSeeRolesLearnersAndTheEnsemblesConfig() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 1)) {
            long leader = ensemble.awaitLeader();
            try (ZooKeeper zk = connect(ensemble.connectString(leader))) {
                zk.create("/m", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                String config = new String(zk.getConfig(false, null), StandardCharsets.UTF_8);
                for (long id : ensemble.ids()) {
                    assertTrue(config.contains("server." + id + "="), config);
                }
                assertTrue(config.contains(":observer") && config.endsWith("version=0"), config);
            }
            int leaderPort = ensemble.server(leader).address().getPort();
            Timing.await().until(() -> "2".equals(
                    io.paddock.server.testing.FourLetterClient.mntr(leaderPort)
                            .get("zk_synced_followers")));
            java.util.Map<String, String> mntr =
                    io.paddock.server.testing.FourLetterClient.mntr(leaderPort);
            assertEquals("leader", mntr.get("zk_server_state"));
            assertEquals("leading - broadcast", mntr.get("zk_peer_state"));
            assertEquals("3", mntr.get("zk_learners"));
            assertEquals("1", mntr.get("zk_synced_observers"));
            List<String> learners =
                    ensemble.server(leader).peer().orElseThrow().status().learners();
            assertEquals(3, learners.size(), learners.toString());
            assertTrue(learners.stream().anyMatch(l -> l.contains("follower synced, acked 0x")),
                    learners.toString());
            for (long id : ensemble.ids()) {
                if (id != leader) {
                    String state = io.paddock.server.testing.FourLetterClient.mntr(
                            ensemble.server(id).address().getPort()).get("zk_peer_state");
                    assertTrue(state.equals("following - broadcast")
                            || state.equals("observing - broadcast"), state);
                }
            }
        }
    }
}
