package io.paddock.zab.sim;

import io.paddock.zab.Phase;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;

/**
 * Zab.tla's Leadership: at most one leader is established per epoch (LEADING in SYNCHRONIZATION or
 * BROADCAST), across the whole run. A peer that leads an epoch, crashes and leads the same epoch
 * again counts as a second leader: its new life never won that epoch's promises.
 */
final class LeadershipCheck implements Check {

    private final History history;

    LeadershipCheck(History history) {
        this.history = history;
    }

    @Override
    public void onRoleChange(SimPeer peer, RoleChange change) {
        if (change.role() != Role.LEADING
                || (change.phase() != Phase.SYNCHRONIZATION && change.phase() != Phase.BROADCAST)) {
            return;
        }
        History.Life earlier = history.leaderOf(change.epoch());
        if (earlier != null && (earlier.peer() != peer.id() || earlier.incarnation() != peer.incarnation())) {
            throw new SafetyViolation("LeadershipCheck", "peer " + peer.id() + " (life "
                    + peer.incarnation() + ") established as leader of epoch " + change.epoch()
                    + ", which peer " + earlier.peer() + " (life " + earlier.incarnation() + ") already led");
        }
    }
}
