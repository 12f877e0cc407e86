package io.paddock.zab.message;

import io.paddock.zab.Proposal;

/**
 * PROPOSE: log this txn and acknowledge it once durable.
 *
 * <p>{@code previousZxid} is the zxid of the txn just before this one in the leader's history (0
 * if there is none). A learner appends a proposal only right after that txn, so a lost PROPOSE
 * shows as a gap the learner detects (and leaves the leader over) instead of a hole in its log
 * that a later ACK would paper over: an ACK for {@code z} claims every txn before {@code z}, and
 * zxids are not consecutive across epochs, so only this link lets a learner check that claim.
 */
public record Propose(long from, long to, Proposal proposal, long previousZxid)
        implements PeerMessage {
}
