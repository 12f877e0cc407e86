package io.paddock.zab.message;

/**
 * ACKEPOCH: the learner promised {@code epoch} (its acceptedEpoch is durable), and reports its
 * currentEpoch and last logged zxid so the leader can choose how to sync it.
 */
public record AckEpoch(long from, long to, long epoch, long currentEpoch, long lastZxid)
        implements PeerMessage {
}
