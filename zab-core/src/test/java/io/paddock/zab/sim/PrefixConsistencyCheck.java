package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import java.util.List;

/**
 * Zab.tla's PrefixConsistency: the i-th txn any peer delivers is the i-th txn every peer delivers,
 * in every life. Checked against the run's one delivered sequence: each delivery must match it or
 * extend it, and a snapshot installed by SNAP must be a prefix of it that does not take the peer
 * back behind what it already delivered.
 */
final class PrefixConsistencyCheck implements Check {

    private final History history;

    PrefixConsistencyCheck(History history) {
        this.history = history;
    }

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        List<Proposal> all = history.delivered();
        if (index < all.size() && !all.get(index).equals(proposal)) {
            throw new SafetyViolation("PrefixConsistencyCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(proposal.zxid()) + " as txn #" + (index + 1) + ", where others delivered "
                    + Fmt.z(all.get(index).zxid()));
        }
        if (index > all.size()) {
            throw new SafetyViolation("PrefixConsistencyCheck", "peer " + peer.id() + " delivers txn #"
                    + (index + 1) + " but only " + all.size() + " were ever delivered");
        }
    }

    @Override
    public void onSnapshotInstalled(SimPeer peer, long zxid, List<Proposal> snapshot) {
        List<Proposal> all = history.delivered();
        if (snapshot.size() > all.size() || !all.subList(0, snapshot.size()).equals(snapshot)) {
            throw new SafetyViolation("PrefixConsistencyCheck", "peer " + peer.id()
                    + " installs a snapshot at " + Fmt.z(zxid) + " holding " + Fmt.range(snapshot)
                    + " that is not a prefix of what was delivered");
        }
        if (snapshot.size() < peer.state().size()) {
            throw new SafetyViolation("PrefixConsistencyCheck", "peer " + peer.id()
                    + " installs a snapshot at " + Fmt.z(zxid) + " behind what it delivered ("
                    + Fmt.z(peer.lastDelivered()) + ")");
        }
    }
}
