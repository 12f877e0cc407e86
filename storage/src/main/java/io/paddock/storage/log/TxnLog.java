package io.paddock.storage.log;

import java.util.Iterator;

/**
 * An append-only log of transactions in strictly increasing zxid order.
 *
 * <p>Zxids are positive; 0 means "no txn". Appended txns become durable only at the next {@link #flush()}. The pipeline's persist stage
 * appends every txn of a batch, flushes once at the end of the batch (group commit), and reports
 * {@link #lastFlushedZxid()} as persisted.
 *
 * <p>Threading: one writer thread calls {@link #append}, {@link #flush} and {@link #close}; any
 * thread may call {@link #lastAppendedZxid()}, {@link #lastFlushedZxid()} and {@link #readFrom}
 * concurrently with it. Implementations state any stronger guarantee.
 */
public interface TxnLog extends AutoCloseable {

    /**
     * Appends a txn after every txn already in the log. It is not durable until {@link #flush()}.
     *
     * @throws IllegalArgumentException if {@code txn.zxid()} is not greater than
     *     {@link #lastAppendedZxid()}
     * @throws IllegalStateException if the log is closed
     */
    void append(Txn txn);

    /**
     * Makes every txn appended so far durable; afterwards {@link #lastFlushedZxid()} equals
     * {@link #lastAppendedZxid()}. Flushing with nothing new appended is allowed and cheap.
     *
     * @throws IllegalStateException if the log is closed
     */
    void flush();

    /** The zxid of the last appended txn, or 0 if the log is empty. */
    long lastAppendedZxid();

    /** The zxid of the last txn made durable by {@link #flush()}, or 0 if none is. */
    long lastFlushedZxid();

    /**
     * The flushed txns whose zxid is greater than {@code zxidExclusive}, in zxid order. The iterator
     * ends at the {@link #lastFlushedZxid()} seen when this method was called, so it is a stable
     * view even while the writer keeps appending and flushing. Txns appended but not yet flushed
     * are never returned.
     *
     * @param zxidExclusive the zxid to read after; 0 reads the whole log
     */
    Iterator<Txn> readFrom(long zxidExclusive);

    /**
     * Closes the log. Txns appended since the last {@link #flush()} may be lost. Closing twice is
     * a no-op.
     */
    @Override
    void close();
}
