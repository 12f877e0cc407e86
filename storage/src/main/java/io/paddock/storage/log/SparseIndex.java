package io.paddock.storage.log;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where some records of a {@link FileTxnLog} start: every {@link #EVERY}th record's zxid, its
 * segment and its offset in that segment. A read from a zxid deep in a segment starts at the
 * nearest mark instead of the segment's first record; without it, a learner's DIFF and a
 * restarted follower's check of where its log stands read the whole segment up to there.
 *
 * <p>Marks come from appends and from reads of segments written before this process started.
 * A truncation drops the marks above the kept zxid and retention those of removed segments;
 * the offsets of the records kept never change, so the rest stay true. A reader still checks
 * that the record at a mark is the one marked, and reads from the segment's start if not.
 *
 * <p>Thread-safe: the appender and readers mark, readers look up.
 */
final class SparseIndex {
    /** Records between marks: reading up to this many is the most a positioned read skips. */
    static final int EVERY = 512;

    /** A record's zxid and place: the first zxid of its segment (the segment's key), its offset. */
    record Mark(long zxid, long segment, long offset) {
    }

    private final ConcurrentSkipListMap<Long, Mark> marks = new ConcurrentSkipListMap<>();

    void mark(long zxid, long segment, long offset) {
        marks.put(zxid, new Mark(zxid, segment, offset));
    }

    /**
     * The mark to start a read of {@code segment} from so as to reach the records after
     * {@code zxidExclusive}: the last mark of that segment at or below it, or null.
     */
    Mark startFor(long segment, long zxidExclusive) {
        Map.Entry<Long, Mark> e = marks.floorEntry(zxidExclusive);
        return e != null && e.getValue().segment() == segment ? e.getValue() : null;
    }

    /** The log now ends at {@code zxid}: marks above it point at records that are gone. */
    void truncateAfter(long zxid) {
        marks.tailMap(zxid, false).clear();
    }

    /** Retention removed the segments before {@code firstZxidKept}. */
    void dropBefore(long firstZxidKept) {
        marks.headMap(firstZxidKept, false).clear();
    }

    int size() {
        return marks.size();
    }
}
