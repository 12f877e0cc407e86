package io.paddock.storage.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The most recent committed txns, in memory, bounded by a count and a byte total: the fast tier
 * that serves a follower a few txns behind without touching the disk.
 *
 * <p>Thread-safe for one writer ({@link #add}) and any number of readers. The txns sit in a
 * ring in zxid order under one lock: the writer holds it for an array store per txn, and a
 * reader, which is rare (a follower catching up), copies its range out under it. A skip list
 * did the same job with an allocation and a log-time search per committed txn on the persist
 * thread.
 */
public final class CommittedWindow {
    private final int maxCount;
    private final long maxBytes;
    private final Object lock = new Object();
    /** Ring of up to maxCount txns; grows by doubling so a large bound costs nothing until used. */
    private Txn[] ring = new Txn[16];
    private int head;
    private int size;
    private long bytes;
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
        synchronized (lock) {
            if (size == ring.length) {
                grow();
            }
            ring[(head + size) % ring.length] = txn;
            size++;
            bytes += txn.bytes().length;
            lastZxid = txn.zxid();
            while (size > 1 && (size > maxCount || bytes > maxBytes)) {
                Txn oldest = ring[head];
                ring[head] = null;
                head = (head + 1) % ring.length;
                size--;
                bytes -= oldest.bytes().length;
                coveredAfter = oldest.zxid();
            }
        }
    }

    private void grow() {
        Txn[] bigger = new Txn[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }

    /**
     * The txns after {@code zxidExclusive} up to {@link #lastZxid()}, if the window holds all of
     * them; empty if older ones have been evicted and the caller must read the log.
     */
    public Optional<Iterator<Txn>> readFrom(long zxidExclusive) {
        synchronized (lock) {
            if (zxidExclusive < coveredAfter) {
                return Optional.empty();
            }
            int from = firstAfter(zxidExclusive);
            List<Txn> copy = new ArrayList<>(size - from);
            for (int i = from; i < size; i++) {
                copy.add(ring[(head + i) % ring.length]);
            }
            return Optional.of(Collections.unmodifiableList(copy).iterator());
        }
    }

    /** Index (from the oldest) of the first txn with a zxid above the given one; zxids ascend. */
    private int firstAfter(long zxid) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ring[(head + mid) % ring.length].zxid() <= zxid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        synchronized (lock) {
            return size;
        }
    }

    public long byteSize() {
        synchronized (lock) {
            return bytes;
        }
    }
}
