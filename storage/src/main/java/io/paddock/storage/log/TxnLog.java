package io.paddock.storage.log;

import java.util.Iterator;

/**
 * An append-only log of transactions in strictly increasing zxid order.
 *
 * <p>Zxids are positive; 0 means "no txn". Appended txns become durable only at the next {@link #flush()}. The pipeline's persist stage
 * appends every txn of a batch, flushes once at the end of the batch (group commit), and reports
 * {@link #lastFlushedZxid()} as persisted.
 *
 * <p>Threading: one writer thread calls {@link #append}, {@link #flush}, {@link #truncateAfter}
 * and {@link #close}; any thread may call {@link #lastAppendedZxid()}, {@link #lastFlushedZxid()},
 * {@link #firstZxid()} and {@link #readFrom} concurrently with it. Implementations state any
 * stronger guarantee.
 */
public interface TxnLog extends AutoCloseable {

    /**
     * Appends a txn after every txn already in the log. It is not durable until {@link #flush()}.
     *
     * @throws IllegalArgumentException if {@code txn.zxid()} is not greater than
     *     {@link #lastAppendedZxid()}
     * @throws IllegalStateException if the log is closed
     * @throws io.paddock.storage.StorageFailureException if the log could not write, now or
     *     before; the log is then stopped for good (see {@link FileTxnLog})
     */
    void append(Txn txn);

    /**
     * Makes every txn appended so far durable; afterwards {@link #lastFlushedZxid()} equals
     * {@link #lastAppendedZxid()}. Flushing with nothing new appended is allowed and cheap.
     *
     * @throws IllegalStateException if the log is closed
     * @throws io.paddock.storage.StorageFailureException if a write or fsync failed, now or
     *     before; {@link #lastFlushedZxid()} then stays where it was, and the log is stopped
     */
    void flush();

    /** The zxid of the last appended txn, or 0 if the log is empty. */
    long lastAppendedZxid();

    /** The zxid of the last txn made durable by {@link #flush()}, or 0 if none is. */
    long lastFlushedZxid();

    /**
     * The zxid of the oldest txn the log holds (appended, flushed or not), or 0 if it holds none.
     * Retention deletes whole old segments once a snapshot covers them, so this moves up over
     * time. Every txn from here to {@link #lastFlushedZxid()} is in the log, so a leader can
     * serve a follower whose last zxid is X from the log (DIFF) when
     * {@code firstZxid() <= X <= lastFlushedZxid()}, and needs a snapshot (SNAP) when X is
     * older.
     */
    long firstZxid();

    /**
     * Removes every txn whose zxid is greater than {@code zxid} and keeps the rest (ZAB's TRUNC),
     * then makes the kept txns durable: afterwards {@link #lastAppendedZxid()} and
     * {@link #lastFlushedZxid()} both equal the zxid of the last kept txn, or 0 if none is
     * kept, and appends go on with any zxid above that, including zxids that were removed.
     *
     * <p>Truncating at or after the last appended zxid removes nothing and only flushes.
     * Truncating below {@link #firstZxid()} empties the log. The log cannot know whether the txns
     * before its first one are in a snapshot newer than {@code zxid} (retention deletes
     * segments a snapshot covers): the caller must check that its snapshot is not newer than
     * {@code zxid}, because truncating the log cannot take txns out of a snapshot; if it is
     * newer, the follower needs a SNAP instead.
     *
     * <p>Iterators from {@link #readFrom} obtained before the truncation are invalid afterwards:
     * they may return removed txns, skip, or throw. Read again after truncating. A file log is
     * crash-safe: recovery finds either the old log or the truncated one.
     *
     * @param zxid the last zxid to keep; 0 keeps nothing
     * @throws IllegalArgumentException if {@code zxid} is negative
     * @throws IllegalStateException if the log is closed
     * @throws io.paddock.storage.StorageFailureException if a file step failed, now or before
     */
    void truncateAfter(long zxid);

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
