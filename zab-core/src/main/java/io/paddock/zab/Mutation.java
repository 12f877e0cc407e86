package io.paddock.zab;

/**
 * Deliberately broken variants of the core, for tests only: the simulator must catch each one
 * (its checkers have teeth). Never set outside tests.
 */
public enum Mutation {
    /** Commit once any single follower acks, not a quorum. */
    COMMIT_ON_MINORITY,
    /** A learner ignores TRUNC and keeps its extra txns. */
    IGNORE_TRUNC,
    /** Election compares votes by zxid and id only, ignoring the epoch. */
    IGNORE_EPOCH_IN_VOTES,
    /** A learner delivers committed txns in the order the COMMITs arrive, not zxid order. */
    DELIVER_OUT_OF_ORDER,
    /** acceptedEpoch is not made durable: a restart forgets it. */
    FORGET_ACCEPTED_EPOCH,
    /** A learner acks NEWLEADER before the DIFF txns are persisted (ZOOKEEPER-3911/4646). */
    ACK_NEWLEADER_BEFORE_PERSIST
}
