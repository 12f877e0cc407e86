package io.paddock.zab.sim;

import io.paddock.zab.Proposal;

/**
 * Zab.tla's TotalOrder, per peer: every state machine delivers in increasing zxid order, so any two
 * peers that deliver the same two txns deliver them in the same order.
 */
final class TotalOrderCheck implements Check {

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        if (proposal.zxid() <= peer.lastDelivered()) {
            throw new SafetyViolation("TotalOrderCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(proposal.zxid()) + " after " + Fmt.z(peer.lastDelivered()));
        }
    }
}
