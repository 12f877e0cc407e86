package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper's "session moved": once a session is resumed on another server, a write that still
 * comes through its old connection is refused (SESSIONMOVED) and that connection is closed,
 * rather than applied behind the new connection's back.
 */
class SessionMovedTest {

    @Test
    void aWriteThroughTheOldConnectionOfAMovedSessionIsRefused() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0)) {
            long leader = ensemble.awaitLeader();
            List<Long> followers = ensemble.ids().stream().filter(id -> id != leader).toList();
            try (ZooKeeper first = connect(ensemble.connectString(followers.get(0)), 0, null)) {
                first.create("/owned", bytes("first"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                try (ZooKeeper moved = connect(ensemble.connectString(followers.get(1)),
                        first.getSessionId(), first.getSessionPasswd())) {
                    assertEquals(first.getSessionId(), moved.getSessionId());
                    // Through the new server's channel to the leader, after its news of the move.
                    moved.setData("/owned", bytes("moved"), -1);
                    KeeperException refused = assertThrows(KeeperException.class,
                            () -> first.setData("/owned", bytes("stale"), -1));
                    assertEquals(List.of(KeeperException.Code.SESSIONMOVED,
                            KeeperException.Code.CONNECTIONLOSS).contains(refused.code()), true,
                            refused.toString());
                    assertArrayEquals(bytes("moved"), moved.getData("/owned", false, null));
                }
            }
        }
    }

    /**
     * The leader remembers each session's server to tell a move; once the session closes it
     * forgets it (it used to keep one entry per session for the whole term).
     */
    @Test
    void theLeaderForgetsAClosedSessionsServer() throws Exception {
        try (PaddockEnsemble ensemble = PaddockEnsemble.start(3, 0)) {
            long leader = ensemble.awaitLeader();
            long follower = ensemble.ids().stream().filter(id -> id != leader).findFirst()
                    .orElseThrow();
            EnsemblePeer peer = ensemble.server(leader).peer().orElseThrow();
            int before = peer.sessionsOwned();
            for (long via : List.of(follower, leader, follower)) {
                try (ZooKeeper zk = connect(ensemble.connectString(via), 0, null)) {
                    zk.create("/e-", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.EPHEMERAL_SEQUENTIAL);
                }
            }
            Timing.await().until(() -> peer.sessionsOwned() == before);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ZooKeeper connect(String connectString, long session, byte[] password)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        Watcher w = e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        };
        ZooKeeper zk = password == null ? new ZooKeeper(connectString, 6000, w)
                : new ZooKeeper(connectString, 6000, w, session, password);
        Timing.latch(connected);
        return zk;
    }
}
