package io.paddock.server.ensemble;

import java.util.HashMap;
import java.util.Map;

/**
 * [ensemble] The leader's check of what learners forward. Each learner numbers its forwards
 * within a serving period; a forward that does not follow the previous one of its period (one
 * was lost across a reconnect) breaks the period, and nothing more of it is taken: the learner
 * sends everything again, in order, in its next period. A request taken once in this term is not
 * taken again (a learner that synced again with this same leader resends what this leader still
 * has in its pipeline), told by the session's highest xid taken from that learner in an earlier
 * period (a session that moved to another server, perhaps with a new client whose xids start
 * again, is not compared with what its old server sent). Within one
 * period nothing is a repeat (the numbering sees to that), so a client may send the same xid
 * twice, as ZooKeeper allows: only a new period's resends, which come first and in order, are
 * compared with what was taken before.
 *
 * <p>Not thread-safe: the peer calls it under its forward lock.
 */
final class ForwardedStreams {
    private final Map<Long, Stream> learners = new HashMap<>();
    /** By learner and session: resends come from the learner that sent the first time. */
    private final Map<LearnerSession, Taken> lastTaken = new HashMap<>();

    private record LearnerSession(long learner, long sessionId) {
    }

    private static final class Stream {
        long period;
        long next;
        boolean broken;
    }

    /** A session's last forward taken: its xid, and the period it came in. */
    private record Taken(long period, int xid) {
    }

    /** Whether to take this forward: in sequence, and not taken before in this term. */
    boolean accept(long learner, long period, long seq, long sessionId, int xid) {
        Stream s = learners.computeIfAbsent(learner, k -> new Stream());
        if (period != s.period) {
            s.period = period;
            s.broken = seq != 1;
            s.next = seq + 1;
        } else if (!s.broken && seq == s.next) {
            s.next++;
        } else {
            s.broken = true;
        }
        if (s.broken) {
            return false;
        }
        LearnerSession key = new LearnerSession(learner, sessionId);
        Taken last = lastTaken.get(key);
        if (last != null && last.period() != period && xid <= last.xid()) {
            return false;
        }
        lastTaken.put(key, new Taken(period, xid));
        return true;
    }

    /** A new term: nothing taken yet. */
    void reset() {
        learners.clear();
        lastTaken.clear();
    }
}
