package io.paddock.zab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Role;
import io.paddock.zab.Zxids;
import io.paddock.zab.testing.TestCluster;
import io.paddock.zab.testing.TestPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Epoch rollover: with a tiny zxid counter the leader moves to new epochs without an election;
 * writes continue and nobody goes LOOKING.
 */
class RolloverScenarioTest {

    @Test
    void writesContinueAcrossEpochsWithoutAnElection() {
        TestCluster cluster = TestCluster.of(3, 1, c -> TestCluster.withLimits(c, 8, 1000)).startAll();
        TestPeer leader = cluster.awaitStable(300);
        long firstEpoch = leader.core().epochs().currentEpoch();
        int changesAtStart = cluster.peers().stream().mapToInt(p -> p.roleChanges().size()).sum();
        java.util.Map<Long, Integer> stableAt = new java.util.HashMap<>();
        cluster.peers().forEach(p -> stableAt.put(p.id(), p.roleChanges().size()));

        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long zxid = cluster.propose(leader, "w" + i);
            if (zxid < 0) {
                cluster.settle();
                zxid = cluster.propose(leader, "w" + i);
            }
            assertTrue(zxid > 0, "the leader serves a fresh epoch in time");
            written.add(zxid);
            cluster.settle();
        }
        cluster.run(20);

        long lastEpoch = Zxids.epoch(written.get(written.size() - 1));
        assertTrue(lastEpoch >= firstEpoch + 4, "epochs moved on: " + lastEpoch);
        for (TestPeer p : cluster.peers()) {
            assertEquals(written, p.appliedZxids(), "peer " + p.id());
            assertFalse(p.roleChanges().stream().skip(stableAt.get(p.id()))
                    .anyMatch(c -> c.role() == Role.LOOKING || c.phase() != io.paddock.zab.Phase.BROADCAST),
                    "peer " + p.id() + " never went LOOKING: " + p.roleChanges());
            assertEquals(lastEpoch, p.durableEpochs().currentEpoch(), "peer " + p.id());
        }
        assertEquals(leader, cluster.stableLeader());
        assertTrue(cluster.peers().stream().mapToInt(p -> p.roleChanges().size()).sum() > changesAtStart);
        for (long zxid : written) {
            assertTrue(Zxids.counter(zxid) <= 8);
        }
    }

    @Test
    void aFollowerRestartedAcrossARolloverCatchesUp() {
        TestCluster cluster = TestCluster.of(3, 0, c -> TestCluster.withLimits(c, 6, 1000)).startAll();
        TestPeer leader = cluster.awaitStable(300);
        long follower = leader.id() == 1 ? 2 : 1;
        cluster.crash(follower);

        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long zxid = cluster.propose(leader, "w" + i);
            if (zxid < 0) {
                cluster.settle();
                zxid = cluster.propose(leader, "w" + i);
            }
            written.add(zxid);
            cluster.settle();
        }
        cluster.restart(follower);
        cluster.awaitStable(300);
        cluster.write(3);

        assertEquals(leader.appliedZxids(), cluster.peer(follower).appliedZxids());
        assertTrue(leader.appliedZxids().containsAll(written));
    }
}
