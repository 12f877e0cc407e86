package io.paddock.zab.message;

/**
 * TRUNC: the learner holds txns after {@code zxid} that the leader's history does not: it must
 * remove every txn above {@code zxid} before taking anything else.
 */
public record Trunc(long from, long to, long zxid) implements PeerMessage {
}
