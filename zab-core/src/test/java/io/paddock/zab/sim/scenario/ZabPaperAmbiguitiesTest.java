package io.paddock.zab.sim.scenario;

import static io.paddock.zab.sim.scenario.Scenarios.allAgree;
import static io.paddock.zab.sim.scenario.Scenarios.deliveredEverywhere;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Propose;
import io.paddock.zab.sim.SimCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The three ambiguities of the Zab paper that model checking ZooKeeper's TLA+ specification found
 * (zookeeper-specifications, protocol-spec/issues.md), each as a scenario on the real core: a
 * learner joins while the leader keeps committing.
 */
class ZabPaperAmbiguitiesTest {

    /** A 3-peer cluster, serving, whose peer {@code [2]} restarted after missing two writes and is syncing. */
    private static long[] rejoining(SimCluster c) {
        long a = c.stabilize();
        long[] others = c.others(a);
        c.crash(others[1]);
        c.write(a);
        c.write(a);
        c.stabilizeAmong(a, others[0]);
        c.restart(others[1]);
        return new long[] {a, others[0], others[1]};
    }

    private static boolean isFrom(PeerMessage m, long peer, Class<? extends PeerMessage> kind) {
        return m.from() == peer && kind.isInstance(m);
    }

    @Test
    @DisplayName("Zab.tla issue 1: a txn committed between NEWLEADER and COMMITLD reaches the joining learner")
    void proposalsGoToLearnersStillSyncing() {
        SimCluster c = SimCluster.of(3).startAll();
        long[] p = rejoining(c);
        long a = p[0];
        long lag = p[2];
        c.awaitQueued(m -> isFrom(m, lag, AckLd.class));
        // Proposed and committed by A and B while the learner's ACKLD is still on its way.
        Proposal t = c.write(a);
        c.deliverWhere(m -> m.to() != lag && m.from() != lag);
        assertTrue(c.peer(p[1]).state().contains(t), "committed by A and B");
        assertTrue(c.queued(a, lag).stream().anyMatch(m -> m instanceof Propose pr && pr.proposal().equals(t)),
                "the PROPOSE went to the syncing learner too");
        c.stabilize();
        deliveredEverywhere(c, t);
        allAgree(c);
    }

    @Test
    @DisplayName("Zab.tla issue 2: a duplicate PROPOSE to a late joiner is tolerated, not logged twice")
    void duplicateProposalsAreTolerated() {
        SimCluster c = SimCluster.of(3).startAll();
        long[] p = rejoining(c);
        long a = p[0];
        long lag = p[2];
        c.awaitQueued(m -> m instanceof NewLeader && m.to() == lag);
        c.duplicate(a, lag, Propose.class);
        Proposal t = c.write(a);
        c.duplicate(a, lag, Propose.class);
        c.stabilize();
        deliveredEverywhere(c, t);
        allAgree(c);
    }

    @Test
    @DisplayName("Zab.tla issue 3: COMMITLD carries the leader's latest committed zxid, not the NEWLEADER's")
    void commitLdCarriesTheLatestCommit() {
        SimCluster c = SimCluster.of(3).startAll();
        long[] p = rejoining(c);
        long a = p[0];
        long lag = p[2];
        NewLeader newLeader = (NewLeader) c.awaitQueued(m -> m instanceof NewLeader && m.to() == lag);
        // Two more commits on A and B, then the learner's ACKLD arrives.
        Proposal t1 = c.write(a);
        Proposal t2 = c.write(a);
        c.deliverWhere(m -> m.to() != lag && m.from() != lag);
        c.awaitQueued(m -> isFrom(m, lag, AckLd.class));
        c.deliver(lag, a, AckLd.class);
        CommitLd commitLd = (CommitLd) c.queued(a, lag).stream().filter(m -> m instanceof CommitLd)
                .findFirst().orElseThrow();
        assertTrue(commitLd.committedZxid() >= t2.zxid() && t2.zxid() > newLeader.zxid(),
                "COMMITLD at " + Long.toHexString(commitLd.committedZxid()) + " covers the commits after NEWLEADER");
        c.stabilize();
        deliveredEverywhere(c, t1, t2);
        allAgree(c);
    }
}
