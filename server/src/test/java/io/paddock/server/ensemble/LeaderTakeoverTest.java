package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.ServerHooks;
import io.paddock.server.pipeline.ApplyHook;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.testing.Timing;
import io.paddock.zab.Phase;
import io.paddock.zab.RoleChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** A new leader that is slow to serve: what its learners do meanwhile. */
class LeaderTakeoverTest {

    /** Holds the apply thread at each write while closed; sessions pass. */
    private static final class Gate implements ApplyHook {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile boolean closed;

        @Override
        public void beforeApply(TxnHeader header, Txn txn) {
            if (!closed || header.type() == OpCode.CREATE_SESSION) {
                return;
            }
            entered.countDown();
            try {
                Timing.latch(opened);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            closed = true;
        }

        void open() {
            closed = false;
            opened.countDown();
        }
    }

    /** Three servers, each with its own gate on the apply thread. */
    private static PaddockEnsemble gated(Map<Long, Gate> gates) {
        return PaddockEnsemble.builder().participants(3)
                .hooks(id -> ServerHooks.NONE.withBeforeApply(gates.computeIfAbsent(id, k -> new Gate())))
                .start();
    }

    /**
     * The leader, the server that leads once it stops (of equal logs the higher id wins the
     * election) and the remaining one.
     */
    private record Roles(long leader, long next, long other) {
        static Roles of(PaddockEnsemble ensemble) {
            long leader = ensemble.awaitLeader();
            long next = ensemble.ids().stream().filter(id -> id != leader).max(Long::compare).get();
            long other = ensemble.ids().stream().filter(id -> id != leader && id != next)
                    .findFirst().get();
            return new Roles(leader, next, other);
        }
    }

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 6000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected));
        return zk;
    }

    /**
     * The bug: a learner asks its new leader for the session secret as soon as it is in
     * BROADCAST; a leader that had not yet finished its own role change (it waits for its tree
     * first) dropped the request, and the learner never served clients.
     */
    @Test
    void aLearnerThatAsksForTheSecretBeforeItsNewLeaderServesStillServes() throws Exception {
        Map<Long, Gate> gates = new ConcurrentHashMap<>();
        try (PaddockEnsemble ensemble = gated(gates)) {
            Roles roles = Roles.of(ensemble);
            long leader = roles.leader();
            long next = roles.next();
            long other = roles.other();
            Gate gate = gates.get(next);
            try (ZooKeeper zk = connect(ensemble.connectString(other))) {
                gate.close();
                zk.create("/held", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertTrue(Timing.latch(gate.entered), "next never committed the write");
                ensemble.stopServer(leader);
                // next leads but waits for its tree; other syncs with it and asks for the secret.
                Timing.await().until(() -> {
                    RoleChange r = ensemble.server(other).peer().orElseThrow().roleChange();
                    return r.phase() == Phase.BROADCAST && r.leader() == next;
                });
                gate.open();
                Timing.await().until(() -> "follower".equals(ensemble.mode(other)));
                assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), zk.getData("/held", false, null));
            } finally {
                gate.open();
            }
        }
    }

    /**
     * Issue 10: the server that becomes leader keeps its own clients too. Their writes, sent
     * while it was still following or looking, are prepared by it once it leads, in each
     * session's order, and answered; no connection is closed.
     */
    @Test
    void theNewLeadersOwnClientsKeepTheirConnectionsAndTheirWritesInFlight() throws Exception {
        Map<Long, Gate> gates = new ConcurrentHashMap<>();
        try (PaddockEnsemble ensemble = gated(gates)) {
            Roles roles = Roles.of(ensemble);
            long leader = roles.leader();
            long next = roles.next();
            long other = roles.other();
            Gate gate = gates.get(next);
            List<Watcher.Event.KeeperState> states = new CopyOnWriteArrayList<>();
            try (ZooKeeper mine = connect(ensemble.connectString(next), states);
                    ZooKeeper elsewhere = connect(ensemble.connectString(other))) {
                mine.create("/t", bytes("0"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                gate.close();
                elsewhere.create("/w0", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertTrue(Timing.latch(gate.entered), "next never committed /w0");
                ensemble.stopServer(leader);
                // next wins, but cannot serve before it has applied /w0: its clients' writes wait.
                Timing.await().until(() -> {
                    RoleChange r = ensemble.server(next).peer().orElseThrow().roleChange();
                    return r.phase() == Phase.BROADCAST && r.leader() == next;
                });
                List<Integer> codes = new CopyOnWriteArrayList<>();
                List<Integer> versions = new CopyOnWriteArrayList<>();
                AsyncCallback.StatCallback done = (rc, path, ctx, stat) -> {
                    codes.add(rc);
                    versions.add(stat == null ? -1 : stat.getVersion());
                };
                mine.setData("/t", bytes("1"), 0, done, null);
                mine.setData("/t", bytes("2"), 1, done, null);
                mine.exists("/t", false, done, null);
                int port = ensemble.server(next).address().getPort();
                Timing.await().until(() -> outstanding(port) >= 4); // /w0 and the three
                gate.open();
                Timing.await().until(() -> codes.size() == 3);
                assertEquals(List.of(0, 0, 0), codes);
                assertEquals(List.of(1, 2, 2), versions, "in the order the session sent them");
                assertEquals("leader", ensemble.mode(next));
                assertArrayEquals(bytes("2"), elsewhere.getData("/t", false, null));
                assertEquals(List.of(Watcher.Event.KeeperState.SyncConnected), states,
                        "the new leader's client never saw a disconnect");
            } finally {
                gate.open();
            }
        }
    }

    private static long outstanding(int port) throws Exception {
        return Long.parseLong(FourLetterClient.mntr(port).get("zk_outstanding_requests"));
    }

    private static ZooKeeper connect(String connectString, List<Watcher.Event.KeeperState> states)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        // 30 s: the server holds a waiting connection for a third of it, far beyond the test
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, e -> {
            states.add(e.getState());
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(Timing.latch(connected));
        return zk;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
