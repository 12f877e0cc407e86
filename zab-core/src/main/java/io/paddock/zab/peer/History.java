package io.paddock.zab.peer;

import io.paddock.zab.Invariants;
import io.paddock.zab.LogView;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A peer's history as the protocol sees it: the durable log (through {@link LogView}) followed by
 * the txns handed to the runtime but not yet reported durable, and the three marks that move along
 * it: {@code durable <= last}, {@code committed}, and {@code delivered <= min(committed, durable)}.
 *
 * <p>Txns are delivered strictly in zxid order, each once, and only when both committed and durable
 * here, so whatever a restarted peer had applied is in its log (ZOOKEEPER-4882, 4925). Txns that a
 * restarted peer found in its log above {@code lastApplied} (the backlog) are read back from the
 * log when they become deliverable; txns appended since are kept in memory until delivered.
 *
 * <p>Not thread-safe: owned by one {@link io.paddock.zab.ZabPeer}.
 */
public final class History {
    private static final int READ_CHUNK = 256;

    private final LogView log;
    private final Outbox outbox;
    private final ProposalQueue tail = new ProposalQueue();
    private final ArrayDeque<Proposal> backlog = new ArrayDeque<>();
    private final Set<Long> deliveredEarly = new HashSet<>();
    private long backlogEnd;
    private long base;
    private long last;
    private long durable;
    private long committed;
    private long delivered;
    private long handedOver;
    private long pendingSnapshot = -1;
    private long deferredPersisted;

    public History(LogView log, long lastApplied, Outbox outbox) {
        if (lastApplied < 0) {
            throw new IllegalArgumentException("negative lastApplied " + lastApplied);
        }
        this.log = log;
        this.outbox = outbox;
        this.last = Math.max(log.lastLogged(), lastApplied);
        this.durable = last;
        this.backlogEnd = last;
        this.base = lastApplied;
        this.committed = lastApplied;
        this.delivered = lastApplied;
        this.handedOver = lastApplied;
    }

    /** The zxid of the last txn of the history, durable or not (0 if none). */
    public long last() {
        return last;
    }

    public long durable() {
        return durable;
    }

    public long committed() {
        return committed;
    }

    public long delivered() {
        return delivered;
    }

    /** The highest zxid delivered in a Ready already handed to the runtime. */
    public long handedOver() {
        return handedOver;
    }

    public boolean snapshotPending() {
        return pendingSnapshot >= 0;
    }

    /** Appends a txn after {@code last()} and asks the runtime to persist it. */
    public void append(Proposal proposal) {
        Invariants.check(pendingSnapshot < 0 || proposal.zxid() > pendingSnapshot,
                "appends follow the snapshot being installed");
        Invariants.check(proposal.zxid() > last, "history grows: %s after %s", proposal.zxid(),
                last);
        tail.add(proposal);
        last = proposal.zxid();
        outbox.persist(proposal);
    }

    /** Whether {@code zxid} is the zxid of a txn in this history (0 always is: the empty prefix). */
    public boolean contains(long zxid) {
        if (zxid == 0 || zxid == base || zxid == delivered || zxid == last) {
            return true;
        }
        if (zxid > last) {
            return false;
        }
        if (!tail.isEmpty() && zxid >= tail.first().zxid()) {
            return tail.find(zxid) != null;
        }
        return log.floor(zxid) == zxid;
    }

    /**
     * The largest zxid of the history at or below {@code zxid}; 0 if there is none, or if the log no
     * longer holds that far back.
     */
    public long floor(long zxid) {
        if (zxid >= last) {
            return last;
        }
        if (!tail.isEmpty() && zxid >= tail.first().zxid()) {
            return tail.get(tail.indexAfter(zxid) - 1).zxid();
        }
        long fromLog = log.floor(zxid);
        return fromLog == 0 && zxid >= base ? base : fromLog;
    }

    /**
     * Up to {@code max} txns of the history after {@code zxidExclusive}, in order; null if the log
     * no longer holds them all (the peer there needs a snapshot).
     */
    public List<Proposal> readAfter(long zxidExclusive, int max) {
        List<Proposal> out = new ArrayList<>();
        long cursor = zxidExclusive;
        long tailFirst = tail.isEmpty() ? Long.MAX_VALUE : tail.first().zxid();
        if (cursor < tailFirst && cursor < last) {
            List<Proposal> fromLog = log.readAfter(cursor, max);
            if (fromLog == null) {
                return null;
            }
            for (Proposal p : fromLog) {
                if (p.zxid() >= tailFirst || p.zxid() > last) {
                    break;
                }
                out.add(p);
                cursor = p.zxid();
            }
            if (out.size() == max) {
                return out;
            }
        }
        for (int i = tail.indexAfter(cursor); i < tail.size() && out.size() < max; i++) {
            out.add(tail.get(i));
        }
        return out;
    }

    /** A txn of the history above {@code delivered()}, or null (if not undelivered or unknown). */
    public Proposal undelivered(long zxid) {
        return tail.find(zxid);
    }

    /** The runtime reports the log durable up to {@code zxid}. */
    public void persisted(long zxid) {
        if (pendingSnapshot >= 0) {
            // Reported before the snapshot's installation: applied once it is installed. A report
            // about the replaced log is harmless then: it is below the snapshot's zxid.
            deferredPersisted = Math.max(deferredPersisted, zxid);
            return;
        }
        if (zxid <= durable) {
            return;
        }
        if (zxid >= last) {
            durable = last;
        } else if (!tail.isEmpty() && zxid >= tail.first().zxid()) {
            durable = Math.max(durable, tail.get(tail.indexAfter(zxid) - 1).zxid());
        }
    }

    /** Learns that every txn up to {@code zxid} is committed; {@code zxid} must be in the history. */
    public void commitUpTo(long zxid) {
        Invariants.check(zxid <= last, "commit %s beyond the history's end %s", zxid, last);
        committed = Math.max(committed, zxid);
    }

    /**
     * Removes every txn above {@code zxid}, here and (through the Ready) in the log. Committed txns
     * are never removed: every later leader's history holds them.
     */
    public void truncate(long zxid) {
        Invariants.check(zxid >= committed && zxid >= delivered, "truncation to "
                + Zxids.toHexString(zxid) + " would drop committed txns up to "
                + Zxids.toHexString(committed));
        if (zxid >= last) {
            return;
        }
        tail.removeAbove(zxid);
        backlog.clear();
        backlogEnd = Math.min(backlogEnd, zxid);
        last = zxid;
        durable = Math.min(durable, zxid);
        outbox.truncate(zxid);
    }

    /**
     * The state and the log are to be replaced by a snapshot at {@code zxid}; nothing is delivered
     * or counted durable until {@link #snapshotInstalled(long)}.
     */
    public void loadSnapshot(long zxid) {
        Invariants.check(zxid >= delivered, "a snapshot never rolls the state back");
        tail.clear();
        backlog.clear();
        deliveredEarly.clear();
        backlogEnd = zxid;
        last = zxid;
        pendingSnapshot = zxid;
        deferredPersisted = 0;
        outbox.snapshot(zxid);
    }

    public void snapshotInstalled(long zxid) {
        Invariants.check(pendingSnapshot == zxid, "installed snapshot " + Zxids.toHexString(zxid)
                + " is the one asked for, " + Zxids.toHexString(pendingSnapshot));
        pendingSnapshot = -1;
        base = zxid;
        durable = zxid;
        delivered = zxid;
        handedOver = zxid;
        committed = Math.max(committed, zxid);
        persisted(deferredPersisted);
    }

    /** The runtime took a Ready whose deliveries end at {@code lastDeliveredInReady} (or -1). */
    public void handedOver(long lastDeliveredInReady) {
        handedOver = Math.max(handedOver, lastDeliveredInReady);
    }

    /** Delivers, in zxid order, every txn that is now both committed and durable. */
    public void deliver() {
        if (pendingSnapshot >= 0) {
            return;
        }
        long limit = Math.min(committed, durable);
        while (delivered < limit) {
            Proposal next = nextUndelivered();
            if (next == null || next.zxid() > limit) {
                return;
            }
            removeNext(next);
            Invariants.check(next.zxid() > delivered, "delivery in zxid order");
            delivered = next.zxid();
            if (!deliveredEarly.remove(next.zxid())) {
                outbox.commit(next);
            }
        }
    }

    /**
     * Broken on purpose (Mutation.DELIVER_OUT_OF_ORDER): delivers {@code zxid} now, whatever came
     * before it or whether it is durable.
     */
    public void deliverEarly(long zxid) {
        Proposal proposal = tail.find(zxid);
        if (proposal != null && zxid > delivered && deliveredEarly.add(zxid)) {
            outbox.commit(proposal);
        }
    }

    private Proposal nextUndelivered() {
        if (delivered < backlogEnd) {
            if (backlog.isEmpty()) {
                List<Proposal> chunk = log.readAfter(delivered, READ_CHUNK);
                Invariants.check(chunk != null && !chunk.isEmpty(),
                        "the log holds the recovered txns after " + Zxids.toHexString(delivered));
                for (Proposal p : chunk) {
                    if (p.zxid() <= backlogEnd) {
                        backlog.add(p);
                    }
                }
            }
            return backlog.peekFirst();
        }
        return tail.first();
    }

    private void removeNext(Proposal next) {
        if (delivered < backlogEnd) {
            backlog.removeFirst();
        } else {
            tail.removeFirst();
        }
    }

    /** How many txns are held in memory, not yet delivered. */
    public int inMemory() {
        return tail.size();
    }
}
