package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Zab.tla's PrimaryIntegrity: a txn of an earlier epoch that anyone delivers, the leader of a later
 * epoch had before it proposed anything. This core delivers a txn only once it is durable locally
 * too, so a leader with a slow disk may propose while txns of its initial history still wait for
 * its own fsync; "had" therefore means delivered, or logged and bound to be delivered first (zxid
 * order). Checked both ways:
 * <ul>
 *   <li>when a leader proposes, every delivered txn of an earlier epoch is in its state or log;</li>
 *   <li>when a txn of an earlier epoch is delivered for the first time anywhere after a later
 *       epoch's leader proposed, it must have been in that leader's log at its first proposal
 *       (its initial history, or its own proposals carried over a counter rollover).</li>
 * </ul>
 */
final class PrimaryIntegrityCheck implements Check {

    private final History history;
    /** Per epoch with proposals: the undelivered txns its leader held at its first proposal. */
    private final TreeMap<Long, Set<Long>> heldAtFirstProposal = new TreeMap<>();

    PrimaryIntegrityCheck(History history) {
        this.history = history;
    }

    @Override
    public void onPropose(SimPeer leader, Proposal proposal) {
        long epoch = Zxids.epoch(proposal.zxid());
        List<Proposal> all = history.delivered();
        int earlier = history.countBelowEpoch(epoch);
        for (int i = leader.state().size(); i < earlier; i++) {
            long missing = all.get(i).zxid();
            if (!leader.disk().holds(missing)) {
                throw new SafetyViolation("PrimaryIntegrityCheck", "peer " + leader.id() + " proposes "
                        + Fmt.z(proposal.zxid()) + " without " + Fmt.z(missing)
                        + " in its history, delivered elsewhere in an earlier epoch");
            }
        }
        if (!heldAtFirstProposal.containsKey(epoch)) {
            Set<Long> held = new HashSet<>();
            long deliveredAnywhere = history.lastDelivered();
            for (Proposal p : leader.disk().written()) {
                if (p.zxid() > deliveredAnywhere) {
                    held.add(p.zxid());
                }
            }
            heldAtFirstProposal.put(epoch, held);
        }
    }

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        if (index < history.delivered().size()) {
            return;
        }
        long epoch = Zxids.epoch(proposal.zxid());
        for (Map.Entry<Long, Set<Long>> later : heldAtFirstProposal.tailMap(epoch, false).entrySet()) {
            if (!later.getValue().contains(proposal.zxid())) {
                throw new SafetyViolation("PrimaryIntegrityCheck", "peer " + peer.id() + " is the first to deliver "
                        + Fmt.z(proposal.zxid()) + ", but the leader of epoch " + later.getKey()
                        + " proposed without it in its history");
            }
        }
    }
}
