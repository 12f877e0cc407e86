package io.paddock.zab.peer;

import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.message.PeerMessage;

/**
 * One phase of the protocol as a swappable state (etcd raft's step/tick pair): each input returns
 * the state to continue in, {@code this} or the next one. {@link io.paddock.zab.ZabPeer} swaps
 * states and calls {@link #enter()} on each new one, which may itself move on at once (a single
 * voter goes from election to broadcast within one call).
 *
 * <p>Not thread-safe: driven by the owning peer's single thread.
 */
public interface PeerState {

    Role role();

    Phase phase();

    /** The leader followed or being, 0 when none. */
    long leader();

    /** The epoch this state works in, reported in role changes. */
    long epoch();

    /** Called once, right after the peer switched to this state. */
    default PeerState enter() {
        return this;
    }

    PeerState step(PeerMessage message);

    PeerState tick();

    /** The history's durable mark advanced. */
    default PeerState persisted() {
        return this;
    }

    /** A snapshot asked for was installed. */
    default PeerState snapshotInstalled() {
        return this;
    }

    default PeerState propose(Proposal proposal) {
        throw new IllegalStateException("not a leader in BROADCAST: " + role() + " in " + phase());
    }

    default PeerState peerDisconnected(long peerId) {
        return this;
    }

    /** Phase-specific facts for {@link io.paddock.zab.ZabPeer#describe()}, may be empty. */
    /** The learners a leader knows of, in any phase; empty on a learner. */
    default java.util.List<io.paddock.zab.LearnerStatus> learners() {
        return java.util.List.of();
    }

    default String detail() {
        return "";
    }
}
