package io.paddock.zab.message;

/**
 * PING: the leader's heartbeat to a learner, and the learner's answer; each side counts the
 * ticks since it last heard from the other.
 */
public record Ping(long from, long to) implements PeerMessage {
}
