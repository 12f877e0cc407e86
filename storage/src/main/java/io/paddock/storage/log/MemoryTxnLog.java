package io.paddock.storage.log;

import io.paddock.storage.Invariants;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link TxnLog} held in memory: "durable" means flushed, and everything is lost when the process
 * ends. For tests, simulation and in-memory deployments.
 *
 * <p>Thread-safe for one writer (append, flush, truncateAfter, close) and any number of concurrent
 * readers. Txns live in a concurrent skip list, so readers never block the writer;
 * {@link #readFrom} bounds its iterator by the flushed zxid it read first, so it never returns an
 * unflushed txn.
 */
public final class MemoryTxnLog implements TxnLog {

    private final ConcurrentSkipListMap<Long, Txn> txns = new ConcurrentSkipListMap<>();
    private volatile long lastAppendedZxid;
    private volatile long lastFlushedZxid;
    private volatile boolean closed;
    /**
     * A sequence lock for readers: odd while a truncation runs, bumped again when it is done. A
     * reader that saw the same even value before and after knows no truncation touched what it
     * read.
     */
    private volatile long truncations;

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
    public void truncateAfter(long zxid) {
        ensureOpen();
        if (zxid < 0) {
            throw new IllegalArgumentException("cannot truncate after negative zxid " + zxid);
        }
        if (zxid >= lastAppendedZxid) {
            flush();
            return;
        }
        Long kept = txns.floorKey(zxid);
        long last = kept == null ? 0 : kept;
        // Mark the truncation and lower the zxids before removing txns: a reader that finds
        // its last flushed txn gone then sees the mark, and reads again.
        truncations++;
        lastFlushedZxid = last;
        lastAppendedZxid = last;
        txns.tailMap(zxid, false).clear();
        truncations++;
    }

    @Override
    public long firstZxid() {
        Map.Entry<Long, Txn> first = txns.firstEntry();
        return first == null ? 0 : first.getKey();
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
        while (true) {
            long generation = truncations;
            if ((generation & 1) != 0) {
                Thread.onSpinWait(); // a truncation is under way
                continue;
            }
            long upTo = lastFlushedZxid;
            if (zxidExclusive >= upTo) {
                return Collections.emptyIterator();
            }
            ConcurrentNavigableMap<Long, Txn> view = txns.subMap(zxidExclusive, false, upTo, true);
            if (!view.isEmpty() && view.lastKey() == upTo) {
                return Collections.unmodifiableCollection(view.values()).iterator();
            }
            // Only a truncation removes txns, and it counts itself first. Comparing zxids would
            // not do: the writer may have appended and flushed the same zxid again since.
            Invariants.check(truncations != generation, "the last flushed zxid is in the log");
        }
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
