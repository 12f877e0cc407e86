package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;

/**
 * Zab.tla's LocalPrimaryOrder: if a leader proposed a before b, a peer that delivers b has
 * delivered a just before it. A leader's zxids in one epoch are consecutive, so the txn before
 * e.c in delivery order must be e.(c-1) whenever that was proposed.
 */
final class LocalPrimaryOrderCheck implements Check {

    private final History history;

    LocalPrimaryOrderCheck(History history) {
        this.history = history;
    }

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        long counter = Zxids.counter(proposal.zxid());
        if (counter <= 1) {
            return;
        }
        long before = Zxids.make(Zxids.epoch(proposal.zxid()), counter - 1);
        if (history.proposal(before) != null && peer.lastDelivered() != before) {
            throw new SafetyViolation("LocalPrimaryOrderCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(proposal.zxid()) + " right after " + Fmt.z(peer.lastDelivered())
                    + ", skipping " + Fmt.z(before) + " which its leader proposed first");
        }
    }
}
