package io.paddock.server.admin;

import java.util.List;

/**
 * [ensemble] What operators' tools read of a member of an ensemble: its role, epoch and last
 * zxid and, on the leader, each learner. Implementations are thread-safe.
 */
public interface PeerView {
    /** leader, follower or observer; looking while it serves no client. */
    String role();

    /** ZooKeeper's detailed peer state, e.g. {@code following - broadcast}. */
    String peerState();

    long epoch();

    long lastLoggedZxid();

    long lastAppliedZxid();

    /** The leader's learners, one line each (id, type, synced, ticks since heard); empty elsewhere. */
    List<String> learners();
}
