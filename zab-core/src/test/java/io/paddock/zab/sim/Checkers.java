package io.paddock.zab.sim;

import io.paddock.zab.EpochState;
import io.paddock.zab.Proposal;
import io.paddock.zab.RoleChange;
import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.message.PeerMessage;
import java.util.List;

/**
 * Every {@link Check}, named after Zab.tla's properties, fed each event as it happens and run after
 * every step; then the {@link History} records the event.
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
public final class Checkers {

    private final History history = new History();
    private final List<Check> checks = List.of(
            new LeadershipCheck(history),
            new IntegrityCheck(history),
            new GlobalPrimaryOrderCheck(),
            new TotalOrderCheck(),
            new LocalPrimaryOrderCheck(history),
            new PrefixConsistencyCheck(history),
            new PrimaryIntegrityCheck(history),
            new DeliveredIsLoggedCheck(),
            new AckAfterPersistCheck(),
            new AgreementCheck());

    public History history() {
        return history;
    }

    void proposed(SimPeer leader, Proposal proposal) {
        for (Check c : checks) {
            c.onPropose(leader, proposal);
        }
        history.recordProposal(leader, proposal);
    }

    void delivered(SimPeer peer, Proposal proposal, int index) {
        for (Check c : checks) {
            c.onDeliver(peer, proposal, index);
        }
        history.recordDelivery(proposal, index);
    }

    void roleChanged(SimPeer peer, RoleChange change) {
        for (Check c : checks) {
            c.onRoleChange(peer, change);
        }
        if (change.role() == Role.LEADING
                && (change.phase() == Phase.SYNCHRONIZATION || change.phase() == Phase.BROADCAST)) {
            history.recordLeader(change.epoch(), peer);
        }
    }

    void snapshotInstalled(SimPeer peer, long zxid, List<Proposal> snapshot) {
        for (Check c : checks) {
            c.onSnapshotInstalled(peer, zxid, snapshot);
        }
    }

    void sent(SimPeer peer, PeerMessage message) {
        for (Check c : checks) {
            c.onSend(peer, message);
        }
    }

    void epochsWritten(SimPeer peer, EpochState next) {
        for (Check c : checks) {
            c.onEpochs(peer, next);
        }
    }

    void truncated(SimPeer peer, long zxid) {
        for (Check c : checks) {
            c.onTruncate(peer, zxid);
        }
    }

    void afterStep(List<SimPeer> peers) {
        for (Check c : checks) {
            c.afterStep(peers);
        }
    }
}
