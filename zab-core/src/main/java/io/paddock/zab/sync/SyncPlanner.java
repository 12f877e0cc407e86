package io.paddock.zab.sync;

import io.paddock.zab.peer.History;
import io.paddock.zab.sync.SyncPlan.Kind;

/**
 * Chooses DIFF, TRUNC or SNAP for a learner whose history ends at {@code p} (from its ACKEPOCH),
 * as ZooKeeper's {@code LearnerHandler.syncFollower} does, against the leader's whole history:
 * <ul>
 *   <li>p is the leader's last zxid, or a zxid of its history: DIFF from p, unless the log no
 *       longer holds what follows p, or more than {@code maxDiffTxns} follow and the leader's
 *       state is at or past p: then SNAP. (A SNAP older than p could roll back what the learner
 *       already applied, so a long DIFF is sent instead.)</li>
 *   <li>p is not in the history: the learner holds txns the leader never had, none of them
 *       committed. TRUNC to the history's floor of p, then DIFF (ZOOKEEPER-1154: never DIFF past
 *       a zxid the leader lacks). If the log no longer reaches that floor: SNAP.</li>
 * </ul>
 * The floor is a txn the learner holds: both histories are prefixes of the history of the epoch
 * of p, since a leader established after that epoch has currentEpoch at least as high (its
 * discovery quorum met that epoch's quorum).
 *
 * <p>Thread-safe: stateless.
 */
public final class SyncPlanner {

    private SyncPlanner() {
    }

    /**
     * @param history the leader's history
     * @param p the learner's last zxid
     * @param maxDiffTxns the most txns worth a DIFF rather than a SNAP
     * @param snapshotZxid the zxid of the state the leader could send as a snapshot now
     */
    public static SyncPlan plan(History history, long p, int maxDiffTxns, long snapshotZxid) {
        if (p == history.last()) {
            return new SyncPlan(Kind.DIFF, p);
        }
        if (history.contains(p)) {
            var ahead = history.readAfter(p, maxDiffTxns + 1);
            if (ahead == null || (ahead.size() > maxDiffTxns && snapshotZxid >= p)) {
                return new SyncPlan(Kind.SNAP, snapshotZxid);
            }
            return new SyncPlan(Kind.DIFF, p);
        }
        long floor = history.floor(p);
        if (history.readAfter(floor, 1) == null) {
            return new SyncPlan(Kind.SNAP, snapshotZxid);
        }
        return new SyncPlan(Kind.TRUNC, floor);
    }
}
