package io.paddock.zab.message;

/**
 * NEWLEADER: the learner now holds the leader's initial history of {@code epoch}, up to
 * {@code zxid}; once persisted, it sets currentEpoch and answers ACKLD.
 */
public record NewLeader(long from, long to, long epoch, long zxid) implements PeerMessage {
}
