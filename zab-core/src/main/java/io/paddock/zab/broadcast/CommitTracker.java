package io.paddock.zab.broadcast;

import io.paddock.zab.Invariants;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.QuorumVerifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from proposals and acks, which txns are committed.
 *
 * <p>Proposals arrive in increasing zxid order. An ack from a server for zxid {@code z} also acks
 * every earlier proposal: a follower logs proposals in the order it receives them over one FIFO
 * channel, so having logged {@code z} it has logged everything before it (Zab paper, section 3.3,
 * and Zab.tla's ordered delivery). A proposal commits once a quorum has acked it and every earlier
 * proposal has committed; commits therefore happen in zxid order and {@link #committedUpTo()} never
 * decreases.
 *
 * <p>A standalone server uses a quorum of one, {@code new MajorityQuorum(Set.of(1L))}, and acks each
 * batch itself once it is durable: {@code ack(1, lastFlushedZxid)}.
 *
 * <p>Not thread-safe: driven by a single thread (the peer's or the pipeline's).
 */
public final class CommitTracker {

    private final QuorumVerifier quorum;
    private final Map<Long, Long> ackedUpTo = new HashMap<>();
    private final ArrayDeque<Long> uncommitted = new ArrayDeque<>();
    private long lastProposed;
    private long committedUpTo;

    /** A tracker with nothing proposed or committed yet. */
    public CommitTracker(QuorumVerifier quorum) {
        this(quorum, 0);
    }

    /**
     * A tracker that resumes after {@code committedUpTo}, for example the last committed zxid
     * recovered from the log; later proposals must be above it.
     */
    public CommitTracker(QuorumVerifier quorum, long committedUpTo) {
        if (committedUpTo < 0) {
            throw new IllegalArgumentException("negative zxid " + committedUpTo);
        }
        this.quorum = quorum;
        this.committedUpTo = committedUpTo;
        this.lastProposed = committedUpTo;
    }

    /**
     * Records a proposal awaiting acks.
     *
     * @throws IllegalArgumentException if {@code zxid} is not above every earlier proposal
     */
    public void propose(long zxid) {
        if (zxid <= lastProposed) {
            throw new IllegalArgumentException("proposal " + Zxids.toHexString(zxid)
                    + " does not follow " + Zxids.toHexString(lastProposed));
        }
        uncommitted.addLast(zxid);
        lastProposed = zxid;
    }

    /**
     * Records that {@code serverId} has logged every proposal up to {@code zxid}. Acks from servers
     * that do not vote, and acks older than one already seen from the same server (a delayed or
     * duplicated message), change nothing.
     *
     * @return {@link #committedUpTo()} after this ack
     * @throws IllegalArgumentException if {@code zxid} is above the last proposal: nobody can have
     *     logged what was never proposed
     */
    public long ack(long serverId, long zxid) {
        if (zxid > lastProposed) {
            throw new IllegalArgumentException("ack from server " + serverId + " for "
                    + Zxids.toHexString(zxid) + " beyond the last proposal "
                    + Zxids.toHexString(lastProposed));
        }
        if (!quorum.votingMembers().contains(serverId)) {
            return committedUpTo;
        }
        Long previous = ackedUpTo.get(serverId);
        if (previous != null && previous >= zxid) {
            return committedUpTo;
        }
        ackedUpTo.put(serverId, zxid);
        if (!uncommitted.isEmpty() && zxid >= uncommitted.peekFirst()) {
            commitUpTo(quorumAckedUpTo());
        }
        return committedUpTo;
    }

    /** The highest zxid committed, with every proposal before it; 0 if none is. */
    public long committedUpTo() {
        return committedUpTo;
    }

    /** The highest zxid proposed, or where the tracker resumed if nothing was proposed since. */
    public long lastProposed() {
        return lastProposed;
    }

    /** How many proposals await a quorum of acks. */
    public int uncommittedCount() {
        return uncommitted.size();
    }

    /** The highest zxid that a quorum of voters has acked, or 0 if no quorum has acked anything. */
    private long quorumAckedUpTo() {
        List<Long> levels = new ArrayList<>(new HashSet<>(ackedUpTo.values()));
        levels.sort(null);
        Set<Long> ackers = new HashSet<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            long level = levels.get(i);
            for (Map.Entry<Long, Long> entry : ackedUpTo.entrySet()) {
                if (entry.getValue() >= level) {
                    ackers.add(entry.getKey());
                }
            }
            if (quorum.containsQuorum(ackers)) {
                return level;
            }
        }
        return 0;
    }

    private void commitUpTo(long zxid) {
        while (!uncommitted.isEmpty() && uncommitted.peekFirst() <= zxid) {
            long next = uncommitted.removeFirst();
            Invariants.check(next > committedUpTo, "commits advance in zxid order");
            committedUpTo = next;
        }
    }

    @Override
    public String toString() {
        return "CommitTracker[committedUpTo=" + Zxids.toHexString(committedUpTo)
                + ", lastProposed=" + Zxids.toHexString(lastProposed)
                + ", uncommitted=" + uncommitted.size() + ", acks=" + ackedUpTo + "]";
    }
}
