package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;

/**
 * Zab.tla's GlobalPrimaryOrder: a peer delivers the txns of an earlier epoch before those of a
 * later one.
 */
final class GlobalPrimaryOrderCheck implements Check {

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        long last = peer.lastDelivered();
        if (Zxids.epoch(proposal.zxid()) < Zxids.epoch(last)) {
            throw new SafetyViolation("GlobalPrimaryOrderCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(proposal.zxid()) + " of epoch " + Zxids.epoch(proposal.zxid())
                    + " after " + Fmt.z(last) + " of a later epoch");
        }
    }
}
