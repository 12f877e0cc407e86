package io.paddock.zab.message;

/**
 * DIFF: the leader will send the learner's missing txns as PROPOSE (and COMMIT) messages, up to
 * {@code lastZxid}; the learner keeps its log.
 */
public record Diff(long from, long to, long lastZxid) implements PeerMessage {
}
