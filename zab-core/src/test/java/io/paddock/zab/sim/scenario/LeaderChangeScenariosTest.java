package io.paddock.zab.sim.scenario;

import static io.paddock.zab.sim.scenario.Scenarios.allAgree;
import static io.paddock.zab.sim.scenario.Scenarios.deliveredEverywhere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.Diff;
import io.paddock.zab.sim.SimCluster;
import io.paddock.zab.sim.SimPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ZooKeeper bugs around who may assign zxids and what a new leader's history holds. */
class LeaderChangeScenariosTest {

    @Test
    @DisplayName("ZOOKEEPER-4925: a learner synced by DIFF that becomes leader has no hole in its committed history")
    void zk4925() {
        SimCluster c = SimCluster.of(5);
        c.start(1, 2, 3, 4);
        long leader = c.stabilizeAmong(1, 2, 3, 4);
        long stale = leader == 1 ? 2 : 1;
        c.crash(stale);
        List<Proposal> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(c.write(leader));
        }
        c.stabilizeAmong(c.others(stale));
        // Peer 5 joins late and is synced by DIFF, applying t1..t3 during the sync.
        int mark = c.delivered().size();
        c.start(5);
        long[] withFive = c.others(stale);
        c.stabilizeAmong(withFive);
        assertTrue(c.delivered().subList(mark, c.delivered().size()).stream()
                .anyMatch(m -> m instanceof Diff && m.to() == 5), "peer 5 was synced by DIFF");
        // Now only 5 and two peers that hold the same history remain, plus the stale peer: 5 wins on id.
        List<Long> others = new ArrayList<>();
        for (long id : withFive) {
            if (id != 5) {
                others.add(id);
            }
        }
        c.crash(others.get(0)).crash(others.get(1));
        c.restart(stale);
        long newLeader = c.stabilizeAmong(5, others.get(2), stale);
        assertEquals(5, newLeader, "the peer synced by DIFF leads");
        written.add(c.write(newLeader));
        c.stabilizeAmong(5, others.get(2), stale);
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }

    @Test
    @DisplayName("ZOOKEEPER-3526: a peer cut off from the quorum never assigns zxids of its own")
    void zk3526() {
        SimCluster c = SimCluster.of(3).startAll();
        long a = c.stabilize();
        long lonely = c.others(a)[1];
        c.write(a);
        c.stabilize();
        long logged = c.peer(lonely).disk().lastWritten();
        c.isolate(lonely);
        for (int i = 0; i < 400; i++) {
            c.tick(lonely, 1);
            SimPeer p = c.peer(lonely);
            assertFalse(p.isServing(), "an isolated peer never serves\n" + c.trace());
            assertEquals(logged, p.disk().lastWritten(), "an isolated peer logs nothing of its own");
        }
        Proposal x = c.write(a);
        c.deliverAll();
        c.heal();
        c.stabilize();
        deliveredEverywhere(c, x);
        allAgree(c);
    }

    @Test
    @DisplayName("Epoch rollover: a leader whose zxid counter runs out moves to a new epoch without losing anything")
    void rollover() {
        SimCluster c = SimCluster.of(3, 0, cfg -> new io.paddock.zab.PeerConfig(cfg.myId(), cfg.quorum(),
                cfg.observers(), cfg.electionTimeoutTicks(), cfg.finalizeWaitTicks(), cfg.initLimitTicks(),
                cfg.syncLimitTicks(), cfg.pingIntervalTicks(), 3, cfg.maxDiffTxns(), cfg.mutations())).startAll();
        long a = c.stabilize();
        List<Proposal> written = new ArrayList<>();
        long firstEpoch = c.peer(a).role().epoch();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 3; i++) {
                written.add(c.write(a));
            }
            long leader = c.stabilize();
            assertEquals(a, leader, "the same leader keeps serving");
        }
        assertTrue(c.peer(a).role().epoch() >= firstEpoch + 3, "moved through new epochs");
        deliveredEverywhere(c, written.toArray(Proposal[]::new));
        allAgree(c);
    }
}
