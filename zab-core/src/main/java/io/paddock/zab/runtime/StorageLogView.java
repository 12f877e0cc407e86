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
 * The core's {@link LogView} over storage's txn log: only flushed txns are visible, as the
 * contract asks. Reads go to the log's segments; the leader reads here only to choose and feed a
 * learner's sync, never on the write path.
 *
 * <p>Thread-safe as far as the log's readers are: the driver's thread reads while the persist
 * thread appends and flushes.
 */
public final class StorageLogView implements LogView {
    private final TxnLog log;

    public StorageLogView(TxnLog log) {
        this.log = log;
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
        // Most asks are about the newest epoch: start there, and scan the whole log only when
        // the epoch of zxid holds nothing at or below it.
        long inEpoch = floorFrom(Zxids.make(Zxids.epoch(zxid), 0), zxid);
        return inEpoch != 0 ? inEpoch : floorFrom(0, zxid);
    }

    @Override
    public List<Proposal> readAfter(long zxidExclusive, int max) {
        long last = log.lastFlushedZxid();
        List<Proposal> out = new ArrayList<>();
        if (zxidExclusive >= last) {
            return out;
        }
        long first = log.firstZxid();
        if (first == 0 || zxidExclusive < first) {
            return null; // the txn after zxidExclusive may have been purged: only a SNAP is safe
        }
        Iterator<Txn> it = log.readFrom(zxidExclusive);
        while (it.hasNext() && out.size() < max) {
            Txn t = it.next();
            out.add(new Proposal(t.zxid(), t.type(), t.bytes()));
        }
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
