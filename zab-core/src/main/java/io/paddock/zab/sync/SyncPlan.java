package io.paddock.zab.sync;

import io.paddock.zab.Zxids;

/**
 * How a leader brings one learner to its history, chosen from metadata only.
 *
 * @param kind DIFF (the learner's last zxid is in the leader's history), TRUNC (the learner has
 *     txns the leader's history lacks: it keeps its log up to {@code zxid}) or SNAP (the learner
 *     takes the leader's state at {@code zxid})
 * @param zxid where the learner's history will end before the txns that follow: the learner's
 *     own last zxid for DIFF, the truncation point for TRUNC, the snapshot's zxid for SNAP
 */
public record SyncPlan(Kind kind, long zxid) {

    /** The three sync modes, as ZooKeeper names them. */
    public enum Kind {
        DIFF,
        TRUNC,
        SNAP
    }

    @Override
    public String toString() {
        return kind + "(" + Zxids.toHexString(zxid) + ")";
    }
}
