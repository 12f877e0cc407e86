package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.List;
import java.util.Map;

/**
 * Zab.tla's PrimaryIntegrity: a txn of an earlier epoch that anyone delivers, the leader of a later
 * epoch delivered before it proposed anything. Checked both ways: when a leader proposes, it must
 * hold every delivered txn of earlier epochs; and a txn of an earlier epoch delivered for the first
 * time after a later epoch's leader proposed is one that leader skipped (unless it is that same
 * leader's own txn, carried over a counter rollover).
 */
final class PrimaryIntegrityCheck implements Check {

    private final History history;

    PrimaryIntegrityCheck(History history) {
        this.history = history;
    }

    @Override
    public void onPropose(SimPeer leader, Proposal proposal) {
        long epoch = Zxids.epoch(proposal.zxid());
        int earlier = history.countBelowEpoch(epoch);
        if (leader.state().size() < earlier) {
            Proposal missing = history.delivered().get(leader.state().size());
            throw new SafetyViolation("PrimaryIntegrityCheck", "peer " + leader.id() + " proposes "
                    + Fmt.z(proposal.zxid()) + " without having delivered " + Fmt.z(missing.zxid())
                    + ", delivered elsewhere in an earlier epoch");
        }
    }

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        List<Proposal> all = history.delivered();
        if (index < all.size()) {
            return;
        }
        long epoch = Zxids.epoch(proposal.zxid());
        History.Life owner = history.leaderOf(epoch);
        for (Map.Entry<Long, History.Life> later : history.broadcastsAbove(epoch).entrySet()) {
            if (!later.getValue().equals(owner)) {
                throw new SafetyViolation("PrimaryIntegrityCheck", "peer " + peer.id() + " is the first to deliver "
                        + Fmt.z(proposal.zxid()) + ", but peer " + later.getValue().peer() + " already proposed in epoch "
                        + later.getKey() + " without it");
            }
        }
    }
}
