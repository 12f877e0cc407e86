package io.paddock.zab.runtime;

import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.LogView;
import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The core's {@link LogView} over storage's txn log: only flushed txns are visible, so a txn is
 * visible before the {@code persisted()} that covers it (the persist stage reports only what
 * {@link TxnLog#flush()} made durable, and the flush publishes the flushed zxid first). Reads go
 * to the log's segments; the leader reads here only to choose and feed a learner's sync, never on
 * the write path.
 *
 * <p>The log alone cannot tell whether it holds every txn after a zxid older than its first one:
 * after a snapshot install it starts empty, and its first txn follows the snapshot's zxid, not the
 * zxid a learner asks about. So the view also knows the log's start: the zxid after which the log
 * holds every txn (the state machine's zxid at start, or the snapshot installed since). With an
 * unknown start ({@link #StorageLogView(TxnLog)}) only the log's first zxid counts, and anything
 * older needs a SNAP.
 *
 * <p>Reading a log segment starts at its first record, so the view keeps where the last
 * {@link #readAfter} stopped and continues there when the next call asks for what follows:
 * a learner's DIFF and the delivery of a recovered log read in chunks, and scanning the
 * segment again for each chunk made them quadratic (a restarted follower spent seconds
 * delivering 50,000 logged txns). Whoever truncates or replaces the log calls
 * {@link #forgetCursor} (or {@link #restartAt}).
 *
 * <p>Thread-safe as far as the log's readers are: the driver's thread reads while the persist
 * thread appends and flushes; {@link #restartAt} is called by the driver while the log is idle.
 */
public final class StorageLogView implements LogView {
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final TxnLog log;
    private volatile long logStart;
    /** Where the last read stopped: the iterator, and the zxid it last returned. */
    private Iterator<Txn> cursor;
    private long cursorAt = -1;

    /** A view that trusts only the log's own first zxid. */
    public StorageLogView(TxnLog log) {
        this(log, UNKNOWN);
    }

    /**
     * @param logStart the zxid after which the log holds every txn (0: every txn ever)
     */
    public StorageLogView(TxnLog log, long logStart) {
        this.log = log;
        this.logStart = logStart;
    }

    /** The log was emptied behind a snapshot at {@code zxid}; it holds every txn after it. */
    public synchronized void restartAt(long zxid) {
        logStart = zxid;
        forgetCursor();
    }

    /** The log was truncated: what the last read was positioned on may be gone. */
    public synchronized void forgetCursor() {
        cursor = null;
        cursorAt = -1;
    }

    @Override
    public long lastLogged() {
        return log.lastFlushedZxid();
    }

    @Override
    public long floor(long zxid) {
        long last = log.lastFlushedZxid();
        if (zxid >= last) {
            return last;
        }
        long first = log.firstZxid();
        if (first == 0 || zxid < first) {
            return 0;
        }
        // Most asks are about a zxid the log holds (a learner's last txn): one positioned read.
        Iterator<Txn> at = log.readFrom(zxid - 1);
        if (at.hasNext() && at.next().zxid() == zxid) {
            return zxid;
        }
        // Else start at the newest epoch, and scan the whole log only when the epoch of zxid
        // holds nothing at or below it.
        long inEpoch = floorFrom(Zxids.make(Zxids.epoch(zxid), 0), zxid);
        return inEpoch != 0 ? inEpoch : floorFrom(0, zxid);
    }

    @Override
    public synchronized List<Proposal> readAfter(long zxidExclusive, int max) {
        long last = log.lastFlushedZxid();
        List<Proposal> out = new ArrayList<>();
        if (zxidExclusive >= last) {
            return out;
        }
        long first = log.firstZxid();
        if (zxidExclusive < logStart && (first == 0 || zxidExclusive < first)) {
            return null; // the txn after zxidExclusive may have been purged: only a SNAP is safe
        }
        Iterator<Txn> it = cursor != null && cursorAt == zxidExclusive && cursor.hasNext()
                ? cursor : log.readFrom(zxidExclusive);
        while (it.hasNext() && out.size() < max) {
            Txn t = it.next();
            out.add(new Proposal(t.zxid(), t.type(), t.bytes()));
        }
        cursor = out.isEmpty() ? null : it;
        cursorAt = out.isEmpty() ? -1 : out.get(out.size() - 1).zxid();
        return out;
    }

    private long floorFrom(long afterExclusive, long zxid) {
        long best = 0;
        Iterator<Txn> it = log.readFrom(afterExclusive);
        while (it.hasNext()) {
            long z = it.next().zxid();
            if (z > zxid) {
                break;
            }
            best = z;
        }
        return best;
    }
}
