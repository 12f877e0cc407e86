package io.paddock.zab.sim;

import io.paddock.zab.EpochState;
import io.paddock.zab.LogView;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One peer's disk: a txn log whose first {@code durable} entries survive a crash and whose tail
 * does not (unless the crash happens to keep some of it, the last kept write possibly torn and
 * discarded), the durable epochs, and a snapshot (a delivered prefix) behind which the log may be
 * compacted. Epoch writes, truncation and snapshot installs are durable at once, as the
 * {@code Ready} contract demands; appends become durable only when a queued fsync completes.
 *
 * <p>The disk checks what a real disk cannot: appends in zxid order and epochs that never go
 * backwards. A breach is a {@link SafetyViolation}.
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
public final class SimDisk {

    /** A queued fsync: every write up to {@code writeSeq} becomes durable at {@code due}. */
    record Fsync(long writeSeq, long due) {
    }

    private record Entry(Proposal proposal, long writeSeq) {
    }

    private final long peerId;
    private final ArrayList<Entry> log = new ArrayList<>();
    private final ArrayDeque<Fsync> fsyncs = new ArrayDeque<>();
    private int durable;
    private long nextWriteSeq = 1;
    private EpochState epochs = EpochState.INITIAL;
    private long snapshotZxid;
    private List<Proposal> snapshotState = List.of();
    private long logStart;
    private final LogView view = new View();

    public SimDisk(long peerId) {
        this.peerId = peerId;
    }

    /** The core's read-only view: the durable prefix only. */
    public LogView view() {
        return view;
    }

    public EpochState epochs() {
        return epochs;
    }

    public long snapshotZxid() {
        return snapshotZxid;
    }

    /** The delivered prefix the snapshot holds (immutable). */
    public List<Proposal> snapshotState() {
        return snapshotState;
    }

    /** The last written zxid, durable or not, or the snapshot's if the log is empty. */
    public long lastWritten() {
        return log.isEmpty() ? snapshotZxid : log.get(log.size() - 1).proposal().zxid();
    }

    /** The last durable zxid, or 0. */
    public long lastDurable() {
        return durable == 0 ? 0 : log.get(durable - 1).proposal().zxid();
    }

    public int writtenCount() {
        return log.size();
    }

    public int durableCount() {
        return durable;
    }

    /** Every txn in the log, durable or not, in order. */
    public List<Proposal> written() {
        List<Proposal> out = new ArrayList<>(log.size());
        for (Entry e : log) {
            out.add(e.proposal());
        }
        return out;
    }

    /** Whether everything up to {@code zxid} this peer holds is durable (in the snapshot or synced log). */
    public boolean durablyCovers(long zxid) {
        return zxid <= snapshotZxid || zxid <= lastDurable();
    }

    /** Whether the written log (durable or not) holds {@code zxid}. */
    public boolean holds(long zxid) {
        return indexOf(zxid) >= 0;
    }

    /** Durably writes the epochs; they may never go backwards. */
    public void writeEpochs(EpochState next) {
        if (next.acceptedEpoch() < epochs.acceptedEpoch() || next.currentEpoch() < epochs.currentEpoch()) {
            throw new SafetyViolation("DurableEpochCheck", "peer " + peerId + " wrote epochs " + next
                    + " over " + epochs + ": a durable epoch went backwards");
        }
        epochs = next;
    }

    /**
     * Appends a txn (not yet durable) and returns its write sequence number, to pass to
     * {@link #queueFsync}.
     */
    public long append(Proposal proposal) {
        long last = lastWritten();
        if (proposal.zxid() <= last) {
            throw new SafetyViolation("LogOrderCheck", "peer " + peerId + " asked to append "
                    + Zxids.toHexString(proposal.zxid()) + " after " + Zxids.toHexString(last)
                    + ": the log must grow in zxid order, each txn once");
        }
        long seq = nextWriteSeq++;
        log.add(new Entry(proposal, seq));
        return seq;
    }

    /** Queues an fsync of every write so far, completing at {@code due}. */
    public void queueFsync(long due) {
        long due2 = fsyncs.isEmpty() ? due : Math.max(due, fsyncs.peekLast().due());
        fsyncs.addLast(new Fsync(nextWriteSeq - 1, due2));
    }

    /** When the next queued fsync completes, or {@code Long.MAX_VALUE}. */
    public long nextFsyncDue() {
        return fsyncs.isEmpty() ? Long.MAX_VALUE : fsyncs.peekFirst().due();
    }

    public boolean hasPendingFsync() {
        return !fsyncs.isEmpty();
    }

    /**
     * Completes the oldest queued fsync.
     *
     * @return the zxid of the last entry it made durable, or -1 if it made nothing new durable
     */
    public long completeFsync() {
        Fsync fsync = fsyncs.pollFirst();
        if (fsync == null) {
            return -1;
        }
        int before = durable;
        while (durable < log.size() && log.get(durable).writeSeq() <= fsync.writeSeq()) {
            durable++;
        }
        return durable > before ? log.get(durable - 1).proposal().zxid() : -1;
    }

    /** Durably removes every txn above {@code zxid}; returns how many went. */
    public int truncateAfter(long zxid) {
        int keep = log.size();
        while (keep > 0 && log.get(keep - 1).proposal().zxid() > zxid) {
            keep--;
        }
        int removed = log.size() - keep;
        log.subList(keep, log.size()).clear();
        durable = Math.min(durable, keep);
        return removed;
    }

    /** Durably replaces state and log with a snapshot at {@code zxid}. */
    public void installSnapshot(long zxid, List<Proposal> state) {
        log.clear();
        durable = 0;
        snapshotZxid = zxid;
        snapshotState = List.copyOf(state);
        logStart = zxid;
    }

    /**
     * The runtime's own snapshot of its state machine at {@code zxid}: durable txns it covers leave
     * the log (ZooKeeper purges old logs behind snapshots the same way).
     */
    public void compact(long zxid, List<Proposal> state) {
        if (zxid <= snapshotZxid) {
            return;
        }
        snapshotZxid = zxid;
        snapshotState = List.copyOf(state);
        logStart = zxid;
        int drop = 0;
        while (drop < durable && log.get(drop).proposal().zxid() <= zxid) {
            drop++;
        }
        log.subList(0, drop).clear();
        durable -= drop;
    }

    /**
     * A power loss: the durable prefix stays; of the tail, the first {@code keep} writes reached the
     * platter without an fsync; the next one, if any, was torn and recovery drops it. Queued fsyncs
     * are gone. Everything that stays is durable from now on.
     *
     * @return how many unsynced writes were lost
     */
    public int crash(RandomGenerator random, boolean partialWrites) {
        int tail = log.size() - durable;
        int keep = partialWrites && tail > 0 ? random.nextInt(tail + 1) : 0;
        log.subList(durable + keep, log.size()).clear();
        durable = log.size();
        fsyncs.clear();
        return tail - keep;
    }

    /** Every written zxid, for traces. */
    public String describe() {
        return "epochs=" + epochs.acceptedEpoch() + "/" + epochs.currentEpoch() + " snap="
                + Zxids.toHexString(snapshotZxid) + " log=" + durable + "/" + log.size() + " last="
                + Zxids.toHexString(lastWritten());
    }

    private int indexOf(long zxid) {
        int lo = 0;
        int hi = log.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long z = log.get(mid).proposal().zxid();
            if (z < zxid) {
                lo = mid + 1;
            } else if (z > zxid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The durable prefix, as {@link LogView} promises. */
    private final class View implements LogView {

        @Override
        public long lastLogged() {
            return lastDurable();
        }

        @Override
        public long floor(long zxid) {
            if (zxid < logStart) {
                return 0;
            }
            int lo = 0;
            int hi = durable - 1;
            long best = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long z = log.get(mid).proposal().zxid();
                if (z <= zxid) {
                    best = z;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return best;
        }

        @Override
        public List<Proposal> readAfter(long zxidExclusive, int max) {
            if (zxidExclusive < logStart) {
                return null;
            }
            List<Proposal> out = new ArrayList<>();
            for (int i = firstAbove(zxidExclusive); i < durable && out.size() < max; i++) {
                out.add(log.get(i).proposal());
            }
            return out;
        }

        private int firstAbove(long zxid) {
            int lo = 0;
            int hi = durable;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (log.get(mid).proposal().zxid() <= zxid) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
