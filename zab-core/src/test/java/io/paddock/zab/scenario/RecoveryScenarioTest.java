package io.paddock.zab.scenario;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.EpochState;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recovery: restarted, stale and wiped peers are brought to the leader's history. */
class RecoveryScenarioTest {

    @Test
    void aRestartedFollowerCatchesUpByDiff() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.write(3);
        long follower = leader.id() == 1 ? 2 : 1;

        cluster.crash(follower);
        cluster.write(5);
        cluster.restart(follower);
        cluster.awaitStable(200);

        TestPeer f = cluster.peer(follower);
        assertEquals(leader.appliedZxids(), f.appliedZxids());
        assertEquals(8, f.appliedZxids().size());
        assertFalse(cluster.deliveredTo(follower, Diff.class).isEmpty());
        assertTrue(cluster.deliveredTo(follower, Trunc.class).isEmpty());
        assertTrue(cluster.deliveredTo(follower, Snap.class).isEmpty());
    }

    /**
     * ZOOKEEPER-1154: the old leader logged a txn nobody else saw, then crashed; the others moved
     * on in a new epoch. On rejoining it must be TRUNCated, not DIFFed past the txn.
     */
    @Test
    void anOldLeadersUncommittedTxnIsTruncatedWhenItRejoins() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer old = cluster.awaitStable(200);
        List<Long> committed = cluster.write(2);
        long lost = cluster.propose(old, "never-committed");
        for (TestPeer p : cluster.peers()) {
            cluster.dropQueued(old.id(), p.id());
        }
        assertTrue(old.log().durableTxns().stream().anyMatch(t -> t.zxid() == lost));

        cluster.crash(old.id());
        TestPeer next = cluster.awaitStable(300);
        List<Long> later = cluster.write(2);
        cluster.restart(old.id());
        cluster.awaitStable(300);

        assertNotEquals(old.id(), next.id());
        List<Trunc> truncs = cluster.deliveredTo(old.id(), Trunc.class);
        assertEquals(1, truncs.size());
        assertEquals(committed.get(1), truncs.get(0).zxid());
        assertFalse(old.log().durableTxns().stream().anyMatch(t -> t.zxid() == lost));
        assertFalse(old.appliedZxids().contains(lost));
        assertEquals(next.appliedZxids(), old.appliedZxids());
        assertTrue(old.appliedZxids().containsAll(later));
    }

    /**
     * ZOOKEEPER-2845's shape without the restart: an isolated leader accepts a write, acks it
     * itself, steps down; the txn never becomes visible anywhere.
     */
    @Test
    void anIsolatedLeadersSelfAckedTxnNeverSurvives() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer old = cluster.awaitStable(200);
        cluster.write(1);

        cluster.isolate(old.id());
        long lost = cluster.propose(old, "self-acked");
        cluster.run(80);
        assertEquals(Role.LOOKING, old.core().role());
        cluster.heal();
        TestPeer next = cluster.awaitStable(400);
        cluster.write(2);

        assertNotEquals(old.id(), next.id());
        for (TestPeer p : cluster.peers()) {
            assertFalse(p.appliedZxids().contains(lost), "peer " + p.id() + " applied " + lost);
        }
        assertEquals(next.appliedZxids(), old.appliedZxids());
    }

    @Test
    void aWipedFollowerGetsASnapshotWhenTheLogWasCompacted() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.write(10);
        leader.snapshotAndCompact();
        long follower = leader.id() == 1 ? 2 : 1;

        cluster.crash(follower);
        cluster.peer(follower).wipe();
        cluster.restart(follower);
        cluster.awaitStable(300);
        cluster.write(3);

        assertEquals(1, cluster.deliveredTo(follower, Snap.class).size());
        assertEquals(leader.appliedZxids(), cluster.peer(follower).appliedZxids());
        assertEquals(13, leader.appliedZxids().size());
        assertEquals(leader.core().epochs(), cluster.peer(follower).durableEpochs());
    }

    @Test
    void aFollowerTooFarBehindForADiffGetsASnapshot() {
        TestCluster cluster = TestCluster.of(3, 0, c -> TestCluster.withLimits(c, c.maxCounter(), 4));
        cluster.startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.write(2);
        long follower = leader.id() == 1 ? 2 : 1;

        cluster.crash(follower);
        cluster.write(10);
        cluster.restart(follower);
        cluster.awaitStable(300);

        assertEquals(1, cluster.deliveredTo(follower, Snap.class).size());
        assertEquals(leader.appliedZxids(), cluster.peer(follower).appliedZxids());
    }

    @Test
    void aWholeEnsembleRestartDeliversLoggedTxnsOnlyOnceANewLeaderCommitsThem() {
        TestCluster cluster = TestCluster.of(3).startAll();
        cluster.awaitStable(200);
        List<Long> zxids = cluster.write(4);

        for (TestPeer p : cluster.peers()) {
            cluster.crash(p.id());
        }
        cluster.restart(1);
        assertEquals(List.of(), cluster.peer(1).appliedZxids(), "alone it cannot know what committed");
        cluster.run(50);
        assertEquals(List.of(), cluster.peer(1).appliedZxids());
        cluster.restart(2);
        cluster.restart(3);
        cluster.awaitStable(300);

        for (TestPeer p : cluster.peers()) {
            assertEquals(zxids, p.appliedZxids());
        }
    }

    @Test
    void aFollowerWhoseLogOutrunsTheNewLeaderIsTruncatedToTheLeadersLast() {
        TestCluster cluster = TestCluster.of(3);
        cluster.peer(1).preload(new EpochState(2, 2), make(1, 1), make(2, 1));
        cluster.peer(2).preload(new EpochState(2, 2), make(1, 1), make(2, 1));
        cluster.peer(3).preload(new EpochState(2, 1), make(1, 1), make(1, 2), make(1, 3));

        cluster.startAll().awaitStable(300);

        assertEquals(List.of(new Trunc(2, 3, make(1, 1))), cluster.deliveredTo(3, Trunc.class));
        assertEquals(List.of(make(1, 1), make(2, 1)), cluster.peer(3).appliedZxids());
        assertEquals(List.of(make(1, 1), make(2, 1)),
                cluster.peer(3).log().durableTxns().stream().map(Proposal::zxid).toList());
    }

    @Test
    void aLearnerAcksNewLeaderOnlyOnceItsSyncIsDurable() {
        TestCluster cluster = TestCluster.of(3);
        cluster.peer(3).preload(new EpochState(1, 1), make(1, 1), make(1, 2), make(1, 3));
        cluster.peer(1).autoFlush(false);
        cluster.peer(2).autoFlush(false);

        cluster.startAll();
        cluster.run(5);
        assertEquals(Phase.SYNCHRONIZATION, cluster.peer(3).core().phase(),
                "ZOOKEEPER-3911: no quorum of ACKLD while the DIFF txns are not durable");
        assertEquals(0, cluster.peer(1).durableEpochs().currentEpoch(),
                "ZOOKEEPER-4643: currentEpoch is not written before the txns");

        cluster.flush(1);
        cluster.settle();
        assertEquals(Phase.BROADCAST, cluster.peer(3).core().phase());
        assertEquals(2, cluster.peer(1).durableEpochs().currentEpoch());
        assertEquals(List.of(make(1, 1), make(1, 2), make(1, 3)), cluster.peer(1).appliedZxids());
    }
}
