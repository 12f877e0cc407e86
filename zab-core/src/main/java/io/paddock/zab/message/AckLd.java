package io.paddock.zab.message;

/** ACKLD: the learner persisted the leader's initial history and set currentEpoch to {@code epoch}. */
public record AckLd(long from, long to, long epoch) implements PeerMessage {
}
