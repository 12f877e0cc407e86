package io.paddock.server.ensemble;

import java.util.HashMap;
import java.util.Map;

/**
 * [ensemble] The leader's check of what learners forward. Each learner numbers its forwards
 * within a serving period; a forward that does not follow the previous one of its period (one
 * was lost across a reconnect) breaks the period, and nothing more of it is taken: the learner
 * sends everything again, in order, in its next period. A request taken once in this term is not
 * taken again (a learner that synced again with this same leader resends what this leader still
 * has in its pipeline), told by the session's highest xid taken.
 *
 * <p>Not thread-safe: the peer calls it under its forward lock.
 */
final class ForwardedStreams {
    private final Map<Long, Stream> learners = new HashMap<>();
    private final Map<Long, Integer> lastXid = new HashMap<>();

    private static final class Stream {
        long period;
        long next;
        boolean broken;
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
        Integer last = lastXid.get(sessionId);
        if (last != null && xid <= last) {
            return false;
        }
        lastXid.put(sessionId, xid);
        return true;
    }

    /** A new term: nothing taken yet. */
    void reset() {
        learners.clear();
        lastXid.clear();
    }
}
