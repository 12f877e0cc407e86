package io.paddock.zab.message;

/**
 * COMMITLD (ZooKeeper's UPTODATE): a quorum acknowledged NEWLEADER; the learner may deliver
 * everything up to {@code committedZxid}, the leader's latest committed zxid (Zab.tla issue 3:
 * not the ACKLD's zxid), and start serving.
 */
public record CommitLd(long from, long to, long committedZxid) implements PeerMessage {
}
