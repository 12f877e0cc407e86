package io.paddock.zab.message;

/**
 * SNAP: the learner is too far behind for a DIFF. The runtime attaches the leader's state with
 * every committed txn up to {@code zxid} (its snapshot stream travels in this message's place
 * in the channel); the learner replaces its state and log with it.
 */
public record Snap(long from, long to, long zxid) implements PeerMessage {
}
