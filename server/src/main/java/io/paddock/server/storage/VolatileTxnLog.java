package io.paddock.server.storage;

import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import java.util.Collections;
import java.util.Iterator;

/**
 * The persist stage's log until durable storage lands: it remembers only the last zxid, so a
 * long-running in-memory server does not hold every txn it ever saw. Data lives in memory
 * only and is lost on restart.
 *
 * <p>Driven by the persist thread; the zxid getters may be read from anywhere.
 */
public final class VolatileTxnLog implements TxnLog {
    private volatile long lastAppended;
    private volatile long lastFlushed;

    @Override
    public void append(Txn txn) {
        if (txn.zxid() <= lastAppended) {
            throw new IllegalArgumentException("zxid 0x" + Long.toHexString(txn.zxid())
                    + " does not follow 0x" + Long.toHexString(lastAppended));
        }
        lastAppended = txn.zxid();
    }

    @Override
    public void flush() {
        lastFlushed = lastAppended;
    }

    @Override
    public long lastAppendedZxid() {
        return lastAppended;
    }

    @Override
    public long lastFlushedZxid() {
        return lastFlushed;
    }

    @Override
    public Iterator<Txn> readFrom(long zxidExclusive) {
        return Collections.emptyIterator();
    }

    @Override
    public void close() {
    }
}
