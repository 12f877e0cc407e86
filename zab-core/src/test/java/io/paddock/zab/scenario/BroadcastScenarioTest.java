package io.paddock.zab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Role;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.Propose;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broadcast: a txn commits with a quorum of durable acks and not before; observers only learn. */
class BroadcastScenarioTest {

    @Test
    void aTxnCommitsOnceAQuorumHoldsItDurably() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        List<TestPeer> followers = cluster.peers().stream().filter(p -> p != leader).toList();
        followers.forEach(f -> f.autoFlush(false));

        long zxid = cluster.propose(leader, "x");
        cluster.settle();

        assertEquals(List.of(), leader.appliedZxids(), "only the leader holds it durably: no quorum");
        cluster.flush(followers.get(0).id());
        cluster.settle();
        assertEquals(List.of(zxid), leader.appliedZxids(), "leader and one follower are a quorum");
        assertEquals(List.of(zxid), followers.get(0).appliedZxids());
        assertEquals(List.of(), followers.get(1).appliedZxids(),
                "the other follower knows it committed but has not made it durable");
        cluster.flush(followers.get(1).id());
        cluster.settle();
        assertEquals(List.of(zxid), followers.get(1).appliedZxids());
    }

    @Test
    void theLeadersOwnAckCountsOnlyOnceItsLogIsDurable() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        TestPeer other = cluster.peers().stream().filter(p -> p != leader).findFirst().orElseThrow();
        cluster.peers().stream().filter(p -> p != leader && p != other)
                .forEach(p -> p.autoFlush(false));
        leader.autoFlush(false);

        long zxid = cluster.propose(leader, "x");
        cluster.settle();
        assertEquals(List.of(), other.appliedZxids(), "one durable copy of three is no quorum");
        assertEquals(List.of(), leader.appliedZxids());

        cluster.flush(leader.id());
        cluster.settle();
        assertEquals(List.of(zxid), leader.appliedZxids(), "the leader's durable copy completes it");
        assertEquals(List.of(zxid), other.appliedZxids());
    }

    @Test
    void fiveVotersCommitWithThreeAndNotWithTwo() {
        TestCluster cluster = TestCluster.of(5).startAll();
        TestPeer leader = cluster.awaitStable(300);
        List<TestPeer> followers = cluster.peers().stream().filter(p -> p != leader).toList();
        followers.forEach(f -> f.autoFlush(false));

        long zxid = cluster.propose(leader, "x");
        cluster.settle();
        cluster.flush(followers.get(0).id());
        cluster.settle();
        assertEquals(List.of(), leader.appliedZxids(), "two of five is no quorum");

        cluster.flush(followers.get(1).id());
        cluster.settle();
        assertEquals(List.of(zxid), leader.appliedZxids(), "three of five is");
    }

    @Test
    void manyProposalsInFlightCommitInZxidOrder() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);

        List<Long> zxids = cluster.write(50);

        for (TestPeer p : cluster.peers()) {
            assertEquals(zxids, p.appliedZxids());
        }
    }

    @Test
    void anObserverLearnsCommitsByInformAndNeverCounts() {
        TestCluster cluster = TestCluster.of(3, 1, c -> c).startAll();
        TestPeer leader = cluster.awaitStable(300);
        TestPeer observer = cluster.peer(4);
        assertEquals(Role.OBSERVING, observer.core().role());
        cluster.peers().stream().filter(p -> p != leader && p != observer)
                .forEach(p -> p.autoFlush(false));
        int proposesBefore = cluster.deliveredTo(4, Propose.class).size();

        long zxid = cluster.propose(leader, "x");
        cluster.settle();
        assertEquals(List.of(), leader.appliedZxids(), "the observer's durable log does not count");
        assertEquals(List.of(), observer.appliedZxids());

        cluster.flush(leader.id() == 1 ? 2 : 1);
        cluster.settle();
        assertEquals(List.of(zxid), leader.appliedZxids());
        assertEquals(List.of(zxid), observer.appliedZxids());
        assertEquals(proposesBefore, cluster.deliveredTo(4, Propose.class).size(),
                "an observer in BROADCAST gets no PROPOSE");
        assertTrue(cluster.deliveredTo(4, Inform.class).stream()
                .anyMatch(i -> i.proposal().zxid() == zxid));
    }
}
