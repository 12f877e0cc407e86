package io.paddock.zab.sync;

import static io.paddock.zab.Zxids.make;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.zab.peer.History;
import io.paddock.zab.peer.Outbox;
import io.paddock.zab.sync.SyncPlan.Kind;
import io.paddock.zab.testing.MemoryLog;
import io.paddock.zab.testing.TestPeer;
import org.junit.jupiter.api.Test;

/** The DIFF, TRUNC or SNAP choice, from the leader's history and the learner's last zxid. */
class SyncPlannerTest {

    /** A leader history 1:1 1:2 1:3 3:1 3:2, the first {@code compacted} counters of epoch 1 gone. */
    private static History leaderHistory(int compacted) {
        MemoryLog log = new MemoryLog();
        for (long zxid : new long[] {make(1, 1), make(1, 2), make(1, 3), make(3, 1), make(3, 2)}) {
            log.append(TestPeer.txn(zxid));
        }
        log.flush();
        if (compacted > 0) {
            log.compactThrough(make(1, compacted));
        }
        return new History(log, compacted > 0 ? make(1, compacted) : 0, new Outbox());
    }

    private static SyncPlan plan(History h, long p, int maxDiff, long snapshotZxid) {
        return SyncPlanner.plan(h, p, maxDiff, snapshotZxid);
    }

    @Test
    void aLearnerAtTheLeadersLastGetsAnEmptyDiff() {
        assertEquals(new SyncPlan(Kind.DIFF, make(3, 2)), plan(leaderHistory(0), make(3, 2), 10, 0));
    }

    @Test
    void aLearnerOnTheHistoryGetsADiffFromItsLastZxid() {
        assertEquals(new SyncPlan(Kind.DIFF, make(1, 2)), plan(leaderHistory(0), make(1, 2), 10, 0));
        assertEquals(new SyncPlan(Kind.DIFF, 0), plan(leaderHistory(0), 0, 10, 0));
    }

    @Test
    void aLearnerWithTxnsTheLeaderNeverHadIsTruncatedToTheFloor() {
        History h = leaderHistory(0);
        assertEquals(new SyncPlan(Kind.TRUNC, make(1, 3)), plan(h, make(2, 7), 10, 0),
                "ZOOKEEPER-1154: an epoch the leader skipped");
        assertEquals(new SyncPlan(Kind.TRUNC, make(3, 2)), plan(h, make(3, 9), 10, 0),
                "ahead of the leader in its own epoch");
        assertEquals(new SyncPlan(Kind.TRUNC, make(1, 3)), plan(h, make(1, 4), 10, 0));
    }

    @Test
    void aLearnerBehindTheCompactedLogGetsASnapshot() {
        History h = leaderHistory(2);
        assertEquals(new SyncPlan(Kind.SNAP, make(1, 2)), plan(h, make(1, 1), 10, make(1, 2)));
        assertEquals(new SyncPlan(Kind.SNAP, make(1, 2)), plan(h, 0, 10, make(1, 2)));
        assertEquals(new SyncPlan(Kind.DIFF, make(1, 2)), plan(h, make(1, 2), 10, make(1, 2)),
                "the snapshot's own zxid is still a DIFF point");
    }

    @Test
    void tooLongADiffBecomesASnapshotOnlyIfTheSnapshotIsNotOlderThanTheLearner() {
        History h = leaderHistory(0);
        assertEquals(new SyncPlan(Kind.SNAP, make(3, 1)), plan(h, make(1, 1), 2, make(3, 1)));
        assertEquals(new SyncPlan(Kind.DIFF, make(1, 1)), plan(h, make(1, 1), 4, make(3, 1)));
        assertEquals(new SyncPlan(Kind.DIFF, make(1, 2)), plan(h, make(1, 2), 1, make(1, 1)),
                "a snapshot older than the learner could roll back what it applied");
    }
}
