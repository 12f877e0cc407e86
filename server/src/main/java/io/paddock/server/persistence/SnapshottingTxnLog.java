package io.paddock.server.persistence;

import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import java.util.Iterator;

/**
 * The persist stage's view of the log: every flush reports how many txns became durable to the
 * {@link SnapshotScheduler}. The committed window is filled at commit, by the ZAB runtime, not
 * here: on an ensemble a durable txn is not yet a committed one.
 *
 * <p>Same threading as the log it wraps: the persist thread writes, anyone reads.
 */
public final class SnapshottingTxnLog implements TxnLog {
    private final TxnLog log;
    private final SnapshotScheduler scheduler;
    private int sinceFlush;

    public SnapshottingTxnLog(TxnLog log, SnapshotScheduler scheduler) {
        this.log = log;
        this.scheduler = scheduler;
    }

    @Override
    public void append(Txn txn) {
        log.append(txn);
        sinceFlush++;
    }

    @Override
    public void flush() {
        log.flush();
        if (sinceFlush == 0) {
            return;
        }
        int count = sinceFlush;
        sinceFlush = 0;
        scheduler.logged(count);
    }

    @Override
    public long firstZxid() {
        return log.firstZxid();
    }

    @Override
    public void truncateAfter(long zxid) {
        log.truncateAfter(zxid);
    }

    @Override
    public long lastAppendedZxid() {
        return log.lastAppendedZxid();
    }

    @Override
    public long lastFlushedZxid() {
        return log.lastFlushedZxid();
    }

    @Override
    public Iterator<Txn> readFrom(long zxidExclusive) {
        return log.readFrom(zxidExclusive);
    }

    @Override
    public void close() {
        log.close();
    }
}
