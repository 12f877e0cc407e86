package io.paddock.zab.message;

/** ACK: the follower has logged every proposal up to and including {@code zxid}. */
public record Ack(long from, long to, long zxid) implements PeerMessage {
}
