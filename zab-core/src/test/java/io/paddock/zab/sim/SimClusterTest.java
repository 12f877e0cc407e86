package io.paddock.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.Propose;
import org.junit.jupiter.api.Test;

/** The scripting API itself: elect, write, hold back, crash and recover, step by step. */
class SimClusterTest {

    @Test
    void electsCommitsAndRecoversAFollower() {
        SimCluster c = SimCluster.of(3).startAll();
        long leader = c.stabilize();
        long[] followers = c.others(leader);
        Proposal first = c.write(leader);
        c.stabilize();
        for (SimPeer p : c.peers()) {
            assertEquals(first, p.state().get(p.state().size() - 1), p.toString());
        }
        Proposal second = c.write(leader);
        assertTrue(c.queued(leader, followers[0]).stream().anyMatch(m -> m instanceof Propose));
        c.drop(leader, followers[0], Propose.class);
        c.crash(followers[0]);
        c.deliverAll();
        c.restart(followers[0]);
        c.stabilize();
        assertEquals(second, c.peer(followers[0]).state().get(c.peer(followers[0]).state().size() - 1));
    }
}
