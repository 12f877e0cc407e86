package io.paddock.server.persistence;

import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;

/**
 * The persist stage's view of the log: every flush reports how many txns became durable to the
 * {@link SnapshotScheduler}. The committed window is filled at commit, by the ZAB runtime, not
 * here: on an ensemble a durable txn is not yet a committed one.
 *
 * <p>Same threading as the log it wraps: the persist thread writes, anyone reads.
 */
public final class SnapshottingTxnLog extends ForwardingTxnLog {
    private final SnapshotScheduler scheduler;
    private int sinceFlush;

    public SnapshottingTxnLog(TxnLog log, SnapshotScheduler scheduler) {
        super(log);
        this.scheduler = scheduler;
    }

    @Override
    public void append(Txn txn) {
        delegate.append(txn);
        sinceFlush++;
    }

    @Override
    public void flush() {
        delegate.flush();
        if (sinceFlush == 0) {
            return;
        }
        int count = sinceFlush;
        sinceFlush = 0;
        scheduler.logged(count);
    }
}
