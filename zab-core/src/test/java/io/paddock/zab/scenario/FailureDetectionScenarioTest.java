package io.paddock.zab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.PeerConfig;
import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import io.paddock.zab.quorum.MajorityQuorum;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Failure detection by ticks and by lost connections. */
class FailureDetectionScenarioTest {
    private static final int SYNC_LIMIT = PeerConfig.defaults(1, new MajorityQuorum(Set.of(1L)), Set.of())
            .syncLimitTicks();

    @Test
    void aLeaderCutOffFromItsQuorumStepsDownWithinSyncLimit() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        int syncLimit = SYNC_LIMIT;

        cluster.isolate(leader.id());
        cluster.run(syncLimit - 5);
        assertEquals(Role.LEADING, leader.core().role(), "not before syncLimit");
        cluster.run(10);

        assertEquals(Role.LOOKING, leader.core().role());
        RoleChange last = leader.roleChanges().get(leader.roleChanges().size() - 1);
        assertEquals(Role.LOOKING, last.role());
        assertEquals(Phase.ELECTION, last.phase());
        assertEquals(0, last.leader());
    }

    @Test
    void aLeaderKeepsLeadingWhileAQuorumIsHeardFrom() {
        TestCluster cluster = TestCluster.of(5).startAll();
        TestPeer leader = cluster.awaitStable(300);
        cluster.peers().stream().filter(p -> p != leader).limit(2).forEach(p -> cluster.crash(p.id()));

        cluster.run(200);

        assertEquals(Role.LEADING, leader.core().role());
        assertEquals(leader, cluster.stableLeader());
    }

    @Test
    void followersGoLookingWhenTheLeaderFallsSilentAndElectAnother() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        cluster.write(2);

        cluster.crash(leader.id());
        cluster.run(SYNC_LIMIT - 5);
        for (TestPeer p : cluster.peers()) {
            if (p.isUp()) {
                assertEquals(Role.FOLLOWING, p.core().role(), "not before syncLimit");
            }
        }
        cluster.run(10);
        assertTrue(cluster.peers().stream().filter(TestPeer::isUp)
                .anyMatch(p -> p.roleChanges().stream().anyMatch(c -> c.role() == Role.LOOKING
                        && c.phase() == Phase.ELECTION && c.leader() == 0)));

        TestPeer next = cluster.awaitStable(300);
        assertTrue(next.id() != leader.id());
        assertEquals(2, next.appliedZxids().size());
    }

    @Test
    void aLostConnectionToTheLeaderSendsAFollowerLookingAtOnce() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);
        TestPeer follower = cluster.peers().stream().filter(p -> p != leader).findFirst().orElseThrow();

        follower.core().peerDisconnected(leader.id());
        cluster.drain(follower);

        assertEquals(Role.LOOKING, follower.core().role());
        TestPeer again = cluster.awaitStable(200);
        assertEquals(leader.id(), again.id(), "it finds the established leader again");
    }

    @Test
    void aLeaderThatLosesFollowersConnectionsStepsDownOnTheNextTick() {
        TestCluster cluster = TestCluster.of(3).startAll();
        TestPeer leader = cluster.awaitStable(200);

        for (TestPeer p : cluster.peers()) {
            if (p != leader) {
                leader.core().peerDisconnected(p.id());
            }
        }
        cluster.tickOnce();

        assertEquals(Role.LOOKING, leader.core().role());
    }

    @Test
    void aProspectiveLeaderWithoutAQuorumInDiscoveryGivesUpAfterInitLimit() {
        TestCluster cluster = TestCluster.of(3).startAll();
        cluster.awaitStable(200);
        TestPeer two = cluster.peer(2);
        TestPeer three = cluster.peer(3);
        cluster.crash(1);
        cluster.crash(2);
        cluster.crash(3);
        cluster.restart(3);
        cluster.restart(2);
        cluster.settle();
        // 2 and 3 agree on 3 and wait finalizeWait for a better vote; 2 vanishes meanwhile, so 3
        // leads a discovery nobody joins.
        cluster.crash(2);
        cluster.run(30);
        assertEquals(Role.LEADING, three.core().role());
        assertEquals(Phase.DISCOVERY, three.core().phase());

        cluster.run(100);

        assertEquals(Role.LOOKING, three.core().role());
        assertTrue(two.roleChanges().size() > 0);
    }
}
