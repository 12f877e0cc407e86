package io.paddock.zab.sim;

import io.paddock.zab.Proposal;

/**
 * Zab.tla's Integrity: a peer delivers only txns some leader proposed, exactly as proposed, and
 * each at most once (in one life of its state machine). Also: no zxid is ever proposed twice.
 */
final class IntegrityCheck implements Check {

    private final History history;

    IntegrityCheck(History history) {
        this.history = history;
    }

    @Override
    public void onPropose(SimPeer leader, Proposal proposal) {
        Proposal earlier = history.proposal(proposal.zxid());
        if (earlier != null) {
            throw new SafetyViolation("IntegrityCheck", "peer " + leader.id() + " proposes "
                    + Fmt.z(proposal.zxid()) + ", a zxid already proposed");
        }
    }

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        Proposal proposed = history.proposal(proposal.zxid());
        if (!proposal.equals(proposed)) {
            throw new SafetyViolation("IntegrityCheck", "peer " + peer.id() + " delivers " + proposal
                    + (proposed == null ? ", which nobody proposed" : ", but " + proposed + " was proposed"));
        }
        if (proposal.zxid() <= peer.lastDelivered()) {
            for (Proposal p : peer.state()) {
                if (p.zxid() == proposal.zxid()) {
                    throw new SafetyViolation("IntegrityCheck", "peer " + peer.id() + " delivers "
                            + Fmt.z(proposal.zxid()) + " a second time");
                }
            }
        }
    }
}
