package io.paddock.storage.log;

import io.paddock.storage.Invariants;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link TxnLog} held in memory: "durable" means flushed, and everything is lost when the process
 * ends. For tests, simulation and in-memory deployments.
 *
 * <p>Thread-safe for one writer (append, flush, close) and any number of concurrent readers. Txns
 * live in a concurrent skip list, so readers never block the writer; {@link #readFrom} bounds its
 * iterator by the flushed zxid it read first, so it never returns an unflushed txn.
 */
public final class MemoryTxnLog implements TxnLog {

    private final ConcurrentSkipListMap<Long, Txn> txns = new ConcurrentSkipListMap<>();
    private volatile long lastAppendedZxid;
    private volatile long lastFlushedZxid;
    private volatile boolean closed;

    @Override
    public void append(Txn txn) {
        ensureOpen();
        if (txn.zxid() <= lastAppendedZxid) {
            throw new IllegalArgumentException("zxid 0x" + Long.toHexString(txn.zxid())
                    + " does not follow the last appended zxid 0x"
                    + Long.toHexString(lastAppendedZxid));
        }
        // Publish the txn before the zxid that announces it, so a reader that sees the zxid finds it.
        txns.put(txn.zxid(), txn);
        lastAppendedZxid = txn.zxid();
    }

    @Override
    public void flush() {
        ensureOpen();
        lastFlushedZxid = lastAppendedZxid;
    }

    @Override
    public long lastAppendedZxid() {
        return lastAppendedZxid;
    }

    @Override
    public long lastFlushedZxid() {
        return lastFlushedZxid;
    }

    @Override
    public Iterator<Txn> readFrom(long zxidExclusive) {
        long upTo = lastFlushedZxid;
        if (zxidExclusive >= upTo) {
            return Collections.emptyIterator();
        }
        ConcurrentNavigableMap<Long, Txn> view = txns.subMap(zxidExclusive, false, upTo, true);
        Invariants.check(!view.isEmpty() && view.lastKey() == upTo,
                "the last flushed zxid is in the log");
        return Collections.unmodifiableCollection(view.values()).iterator();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("txn log is closed");
        }
    }

    @Override
    public String toString() {
        return "MemoryTxnLog[lastAppended=0x" + Long.toHexString(lastAppendedZxid)
                + ", lastFlushed=0x" + Long.toHexString(lastFlushedZxid) + ", closed=" + closed + "]";
    }
}
