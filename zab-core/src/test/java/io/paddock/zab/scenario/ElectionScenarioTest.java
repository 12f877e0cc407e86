package io.paddock.zab.scenario;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paddock.zab.EpochState;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leader election through the whole peer: the freshest history leads, and joiners follow it. */
class ElectionScenarioTest {

    @Test
    void threeVotersElectTheLongestLogOfTheSameEpoch() {
        TestCluster cluster = TestCluster.of(3);
        EpochState one = new EpochState(1, 1);
        cluster.peer(1).preload(one, make(1, 1), make(1, 2));
        cluster.peer(2).preload(one, make(1, 1), make(1, 2), make(1, 3));
        cluster.peer(3).preload(one, make(1, 1));

        TestPeer leader = cluster.startAll().awaitStable(200);

        assertEquals(2, leader.id());
        for (TestPeer p : cluster.peers()) {
            assertEquals(List.of(make(1, 1), make(1, 2), make(1, 3)), p.appliedZxids(),
                    "the leader's whole history is committed and delivered on " + p.id());
        }
    }

    @Test
    void theCurrentEpochOutranksALongerLogOfAnOlderEpoch() {
        TestCluster cluster = TestCluster.of(3);
        cluster.peer(1).preload(new EpochState(2, 2), make(1, 1), make(2, 1));
        cluster.peer(2).preload(new EpochState(2, 1), make(1, 1), make(1, 2), make(1, 3));
        cluster.peer(3).preload(new EpochState(1, 1), make(1, 1));

        TestPeer leader = cluster.startAll().awaitStable(200);

        assertEquals(1, leader.id());
        assertEquals(List.of(make(1, 1), make(2, 1)), cluster.peer(2).appliedZxids(),
                "peer 2's txns of epoch 1 that the leader lacks were truncated, not applied");
        assertEquals(List.of(make(1, 1), make(2, 1)), cluster.peer(2).log().durableTxns().stream()
                .map(t -> t.zxid()).toList());
    }

    @Test
    void fiveVotersElectTheFreshestAndTiesGoToTheHighestId() {
        TestCluster cluster = TestCluster.of(5);
        EpochState one = new EpochState(1, 1);
        cluster.peer(1).preload(one, make(1, 1), make(1, 2));
        cluster.peer(2).preload(one, make(1, 1), make(1, 2));
        cluster.peer(3).preload(one, make(1, 1));
        cluster.peer(4).preload(one, make(1, 1), make(1, 2));
        cluster.peer(5).preload(one, make(1, 1));

        TestPeer leader = cluster.startAll().awaitStable(300);

        assertEquals(4, leader.id());
        assertEquals(2, leader.core().epochs().currentEpoch(), "a new epoch above every accepted one");
    }

    @Test
    void aQuorumElectsWhileTheRestIsDown() {
        TestCluster cluster = TestCluster.of(5);
        cluster.start(1, 2, 3);

        TestPeer leader = cluster.awaitStable(300);

        assertEquals(3, leader.id());
    }

    @Test
    void aRestartedFollowerJoinsTheEstablishedLeaderWithoutANewElection() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.write(3);
        long follower = leader.id() == 1 ? 2 : 1;
        long epochBefore = leader.core().epochs().currentEpoch();
        int leaderChanges = leader.roleChanges().size();

        cluster.crash(follower);
        cluster.run(2);
        cluster.restart(follower);
        TestPeer after = cluster.awaitStable(200);

        assertEquals(leader.id(), after.id());
        assertEquals(epochBefore, leader.core().epochs().currentEpoch());
        assertEquals(leaderChanges, leader.roleChanges().size(), "the leader never left BROADCAST");
        assertEquals(leader.appliedZxids(), cluster.peer(follower).appliedZxids());
    }

    @Test
    void anObserverNeverLeadsEvenWithTheFreshestLog() {
        TestCluster cluster = TestCluster.of(3, 1, c -> c);
        cluster.peer(4).preload(new EpochState(5, 5), make(5, 1), make(5, 2));

        TestPeer leader = cluster.startAll().awaitStable(300);

        assertNotEquals(4, leader.id());
        assertEquals(Role.OBSERVING, cluster.peer(4).core().role());
        for (RoleChange change : cluster.peer(4).roleChanges()) {
            assertNotEquals(Role.LEADING, change.role());
        }
    }

    @Test
    void aLoneVoterOfThreeNeverLeads() {
        TestCluster cluster = TestCluster.of(3).start(1);

        cluster.run(300);

        assertEquals(Role.LOOKING, cluster.peer(1).core().role());
        assertFalse(cluster.peer(1).roleChanges().stream().anyMatch(c -> c.role() == Role.LEADING));
    }
}
