package io.paddock.zab.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.PeerConfig;
import io.paddock.zab.Proposal;
import io.paddock.zab.sim.SimCluster;
import io.paddock.zab.sim.SimPeer;
import java.util.List;

/** Shared assertions for the named recovery scenarios. */
final class Scenarios {

    private Scenarios() {
    }

    /** A config whose leader sends a SNAP to anyone more than {@code n} txns behind. */
    static PeerConfig maxDiff(PeerConfig c, int n) {
        return new PeerConfig(c.myId(), c.quorum(), c.observers(), c.electionTimeoutTicks(), c.finalizeWaitTicks(),
                c.initLimitTicks(), c.syncLimitTicks(), c.pingIntervalTicks(), c.maxCounter(), n, c.mutations());
    }

    /** Every live peer delivered exactly the run's delivered sequence (so all agree and none lags). */
    static void allAgree(SimCluster c) {
        List<Proposal> all = c.history().delivered();
        for (SimPeer p : c.peers()) {
            if (p.isUp()) {
                assertEquals(all, p.state(), "peer " + p.id() + " delivered the whole history\n" + c.trace());
            }
        }
    }

    /** Every live peer delivered each of {@code txns}. */
    static void deliveredEverywhere(SimCluster c, Proposal... txns) {
        for (SimPeer p : c.peers()) {
            for (Proposal t : txns) {
                assertTrue(!p.isUp() || p.state().contains(t), "peer " + p.id() + " delivered " + t + "\n" + c.trace());
            }
        }
    }

    /** Nobody ever delivered {@code txn}, and no live peer keeps it in its log. */
    static void goneEverywhere(SimCluster c, Proposal txn) {
        assertFalse(c.history().delivered().contains(txn), txn + " was never delivered\n" + c.trace());
        for (SimPeer p : c.peers()) {
            assertFalse(p.isUp() && p.disk().holds(txn.zxid()), "peer " + p.id() + " no longer logs " + txn);
        }
    }
}
