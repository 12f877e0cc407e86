package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.op.OpCode;
import io.paddock.server.ServerHooks;
import io.paddock.server.pipeline.ApplyHook;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.testing.Timing;
import io.paddock.zab.Phase;
import io.paddock.zab.RoleChange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
        try (PaddockEnsemble ensemble = PaddockEnsemble.builder().participants(3)
                .hooks(id -> ServerHooks.NONE.withBeforeApply(gates.computeIfAbsent(id, k -> new Gate())))
                .start()) {
            long leader = ensemble.awaitLeader();
            // Of equal logs the higher id wins the election: next leads after the leader stops.
            long next = ensemble.ids().stream().filter(id -> id != leader).max(Long::compare).get();
            long other = ensemble.ids().stream().filter(id -> id != leader && id != next).findFirst().get();
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
}
