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
