package io.paddock.storage.log;

import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent committed txns, in memory, bounded by a count and a byte total: the fast tier
 * that serves a follower a few txns behind without touching the disk.
 *
 * <p>Thread-safe for one writer ({@link #add}) and any number of readers. A reader's iterator is
 * a weakly consistent view: txns evicted while it runs may still be returned, which is harmless
 * because they were committed.
 */
public final class CommittedWindow {
    private final int maxCount;
    private final long maxBytes;
    private final ConcurrentSkipListMap<Long, Txn> txns = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long coveredAfter;
    private volatile long lastZxid;

    /**
     * @param baseZxid the last committed zxid before the first {@link #add}; the window serves
     *     reads from it onwards
     */
    public CommittedWindow(int maxCount, long maxBytes, long baseZxid) {
        if (maxCount < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a window holds at least one txn and one byte");
        }
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.coveredAfter = baseZxid;
        this.lastZxid = baseZxid;
    }

    /** Adds the next committed txn, evicting the oldest beyond the bounds. Writer only. */
    public void add(Txn txn) {
        if (txn.zxid() <= lastZxid) {
            throw new IllegalArgumentException("zxid 0x" + Long.toHexString(txn.zxid())
                    + " does not follow 0x" + Long.toHexString(lastZxid));
        }
        txns.put(txn.zxid(), txn);
        bytes.addAndGet(txn.bytes().length);
        lastZxid = txn.zxid();
        while (txns.size() > 1 && (txns.size() > maxCount || bytes.get() > maxBytes)) {
            var oldest = txns.pollFirstEntry();
            bytes.addAndGet(-oldest.getValue().bytes().length);
            // Raise the floor after removal: a reader that still sees the old floor finds the txn
            // gone only if it started before, and then the weakly consistent map still hands the
            // rest out in order.
            coveredAfter = oldest.getKey();
        }
    }

    /**
     * The txns after {@code zxidExclusive} up to {@link #lastZxid()}, if the window holds all of
     * them; empty if older ones have been evicted and the caller must read the log.
     */
    public Optional<Iterator<Txn>> readFrom(long zxidExclusive) {
        long floor = coveredAfter;
        if (zxidExclusive < floor) {
            return Optional.empty();
        }
        long upTo = lastZxid;
        if (zxidExclusive >= upTo) {
            return Optional.of(Collections.emptyIterator());
        }
        Iterator<Txn> it = Collections.unmodifiableCollection(
                txns.subMap(zxidExclusive, false, upTo, true).values()).iterator();
        // An eviction between reading the floor and building the view would leave a gap.
        return coveredAfter == floor ? Optional.of(it) : Optional.empty();
    }

    /** The last committed zxid added, or the base zxid. */
    public long lastZxid() {
        return lastZxid;
    }

    /** Reads after this zxid are served from memory. */
    public long coveredAfter() {
        return coveredAfter;
    }

    public int size() {
        return txns.size();
    }

    public long byteSize() {
        return bytes.get();
    }
}
