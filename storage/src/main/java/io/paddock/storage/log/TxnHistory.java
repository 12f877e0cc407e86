package io.paddock.storage.log;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Committed txns after a zxid, from whichever tier holds them: the in-memory
 * {@link CommittedWindow} when it reaches back far enough, else the {@link TxnLog} segments.
 * Snapshots are the third tier; a reader older than the oldest log segment needs one.
 *
 * <p>Thread-safe: as thread-safe as the window and log it reads.
 */
public final class TxnHistory {
    private final CommittedWindow window;
    private final TxnLog log;

    public TxnHistory(CommittedWindow window, TxnLog log) {
        this.window = window;
        this.log = log;
    }

    /** The committed txns after {@code zxidExclusive}, in zxid order, up to the window's last. */
    public Iterator<Txn> readFrom(long zxidExclusive) {
        var fromMemory = window.readFrom(zxidExclusive);
        if (fromMemory.isPresent()) {
            return fromMemory.get();
        }
        return upTo(log.readFrom(zxidExclusive), window.lastZxid());
    }

    /**
     * Whether {@link #readFrom readFrom(zxid)} returns every committed txn after {@code zxid},
     * decided from zxids alone, without reading: the window reaches back to it
     * ({@link CommittedWindow#coveredAfter()}), or the log's oldest txn is at or before it
     * ({@link TxnLog#firstZxid()}), so retention has deleted nothing after it. False for a
     * zxid past the last committed one. A leader uses it to choose DIFF (true) or SNAP
     * (false); whether {@code zxid} is in its own history at all (else TRUNC) is the caller's
     * question.
     */
    public boolean servesAfter(long zxid) {
        if (zxid > window.lastZxid()) {
            return false;
        }
        if (zxid >= window.coveredAfter()) {
            return true;
        }
        long first = log.firstZxid();
        return first != 0 && first <= zxid;
    }

    private static Iterator<Txn> upTo(Iterator<Txn> source, long lastZxid) {
        return new Iterator<>() {
            private Txn next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done && source.hasNext()) {
                    Txn t = source.next();
                    next = t.zxid() <= lastZxid ? t : null;
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public Txn next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Txn t = next;
                next = null;
                return t;
            }
        };
    }
}
