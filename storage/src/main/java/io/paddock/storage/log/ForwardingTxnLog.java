package io.paddock.storage.log;

import java.util.Iterator;

/**
 * A {@link TxnLog} that passes every call to another one; a wrapper overrides only what it adds
 * to (counting flushed txns, holding or failing a flush in a test) and cannot forget a method
 * the interface gains later.
 *
 * <p>Same threading as the log it wraps.
 */
public abstract class ForwardingTxnLog implements TxnLog {
    protected final TxnLog delegate;

    protected ForwardingTxnLog(TxnLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public void append(Txn txn) {
        delegate.append(txn);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public long firstZxid() {
        return delegate.firstZxid();
    }

    @Override
    public void truncateAfter(long zxid) {
        delegate.truncateAfter(zxid);
    }

    @Override
    public long lastAppendedZxid() {
        return delegate.lastAppendedZxid();
    }

    @Override
    public long lastFlushedZxid() {
        return delegate.lastFlushedZxid();
    }

    @Override
    public Iterator<Txn> readFrom(long zxidExclusive) {
        return delegate.readFrom(zxidExclusive);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
