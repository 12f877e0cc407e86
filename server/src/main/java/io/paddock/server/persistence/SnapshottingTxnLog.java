package io.paddock.server.persistence;

import io.paddock.storage.log.CommittedWindow;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The persist stage's view of the log: every flush reports how many txns became durable to the
 * {@link SnapshotScheduler}, and hands them to the {@link CommittedWindow} (standalone, durable
 * means committed).
 *
 * <p>Same threading as the log it wraps: the persist thread writes, anyone reads.
 */
public final class SnapshottingTxnLog implements TxnLog {
    private final TxnLog log;
    private final SnapshotScheduler scheduler;
    private final CommittedWindow window;
    private final List<Txn> sinceFlush = new ArrayList<>();

    public SnapshottingTxnLog(TxnLog log, SnapshotScheduler scheduler, CommittedWindow window) {
        this.log = log;
        this.scheduler = scheduler;
        this.window = window;
    }

    @Override
    public void append(Txn txn) {
        log.append(txn);
        sinceFlush.add(txn);
    }

    @Override
    public void flush() {
        log.flush();
        if (sinceFlush.isEmpty()) {
            return;
        }
        sinceFlush.forEach(window::add);
        int count = sinceFlush.size();
        sinceFlush.clear();
        scheduler.logged(count);
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
