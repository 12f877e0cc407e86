package io.paddock.server.ensemble;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * [ensemble] The leader's check of what learners forward. Each learner numbers its forwards
 * within a serving period; a forward that does not follow the previous one of its period (one
 * was lost across a reconnect) breaks the period, and nothing more of it is taken: the learner
 * sends everything again, in order, in its next period. A request taken once in this term is not
 * taken again (a learner that synced again with this same leader resends what this leader still
 * has in its pipeline), told by the session's highest xid taken from that learner in an earlier
 * period (a session that moved to another server, perhaps with a new client whose xids start
 * again, is not compared with what its old server sent). Only forwards the learner marks as
 * resends are compared: within one period nothing is a repeat (the numbering sees to that), and
 * a request the learner never sent before is new whatever its xid, so a client may send the same
 * xid twice, or start its xids again when it resumes its session, as ZooKeeper allows.
 *
 * <p>A session's entries go once its closeSession is committed ({@link #sessionClosed}): kept,
 * they grew by one per session for the whole term (a leak under session churn). Its requests
 * are no longer resent then, and one that still came would be refused by prepare, the session
 * being gone.
 *
 * <p>Not thread-safe, except {@link #sessionClosed}: the peer calls the rest under its forward
 * lock.
 */
final class ForwardedStreams {
    private final Map<Long, Stream> learners = new HashMap<>();
    /** By learner and session: resends come from the learner that sent the first time. */
    private final Map<LearnerSession, Taken> lastTaken = new HashMap<>();
    /** Sessions closed since the last {@link #accept}; any thread adds, accept drains. */
    private final Queue<Long> closed = new ConcurrentLinkedQueue<>();

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

    /**
     * Whether to take this forward: in sequence, and not taken before in this term.
     *
     * @param resend the learner sent it already in an earlier period
     */
    boolean accept(long learner, long period, long seq, long sessionId, int xid, boolean resend) {
        forgetClosed();
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
        if (resend && last != null && last.period() != period && xid <= last.xid()) {
            return false;
        }
        lastTaken.put(key, new Taken(period, xid));
        return true;
    }

    /** A session's closeSession was committed; callable from any thread. */
    void sessionClosed(long sessionId) {
        closed.add(sessionId);
    }

    /** A new term: nothing taken yet. */
    void reset() {
        learners.clear();
        lastTaken.clear();
        closed.clear();
    }

    /** How many sessions' last forwards are remembered (for tests). */
    int remembered() {
        forgetClosed();
        return lastTaken.size();
    }

    private void forgetClosed() {
        for (Long id = closed.poll(); id != null; id = closed.poll()) {
            for (Long learner : learners.keySet()) {
                lastTaken.remove(new LearnerSession(learner, id));
            }
        }
    }
}
