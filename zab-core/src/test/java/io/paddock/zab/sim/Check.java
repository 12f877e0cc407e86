package io.paddock.zab.sim;

import io.paddock.zab.EpochState;
import io.paddock.zab.Proposal;
import io.paddock.zab.RoleChange;
import io.paddock.zab.message.PeerMessage;
import java.util.List;

/**
 * One safety property, checked as things happen and after every step. Each hook runs before the
 * event takes effect (the peer's state and the {@link History} are as they were), and throws a
 * {@link SafetyViolation} naming the property when it breaks.
 */
interface Check {

    /** A serving leader is about to propose {@code proposal}. */
    default void onPropose(SimPeer leader, Proposal proposal) {
    }

    /** {@code peer} is about to deliver {@code proposal} as the {@code index}-th txn of its state. */
    default void onDeliver(SimPeer peer, Proposal proposal, int index) {
    }

    /** {@code peer}'s core announced a role change. */
    default void onRoleChange(SimPeer peer, RoleChange change) {
    }

    /** {@code peer} is about to replace its state with {@code snapshot} (a SNAP at {@code zxid}). */
    default void onSnapshotInstalled(SimPeer peer, long zxid, List<Proposal> snapshot) {
    }

    /** {@code peer} sends {@code message} (after its Ready's truncation, epochs, snapshot and appends). */
    default void onSend(SimPeer peer, PeerMessage message) {
    }

    /** {@code peer} is about to write {@code next} over its durable epochs. */
    default void onEpochs(SimPeer peer, EpochState next) {
    }

    /** {@code peer} is about to truncate its log after {@code zxid}. */
    default void onTruncate(SimPeer peer, long zxid) {
    }

    /** The step is over. */
    default void afterStep(List<SimPeer> peers) {
    }
}
