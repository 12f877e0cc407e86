package io.paddock.zab.message;

/** COMMIT: every proposal up to and including {@code zxid} is committed. */
public record Commit(long from, long to, long zxid) implements PeerMessage {
}
