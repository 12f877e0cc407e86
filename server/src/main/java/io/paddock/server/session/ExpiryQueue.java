package io.paddock.server.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sessions bucketed by expiry time rounded up to the next tick, so that expiring is one look
 * at the oldest bucket per tick instead of a scan of every session (ZooKeeper's scheme).
 *
 * <p>Not thread-safe: {@link SessionTracker} guards it.
 */
final class ExpiryQueue {
    private final long interval;
    private final TreeMap<Long, Set<Long>> buckets = new TreeMap<>();
    private final Map<Long, Long> expiryOf = new HashMap<>();

    ExpiryQueue(long intervalMs) {
        this.interval = intervalMs;
    }

    /** Moves {@code id} to the bucket of {@code now + timeout}; returns that bucket's time. */
    long update(long id, long now, int timeoutMs) {
        long bucket = roundUp(now + timeoutMs);
        Long old = expiryOf.put(id, bucket);
        if (old != null && old == bucket) {
            return bucket;
        }
        if (old != null) {
            removeFromBucket(id, old);
        }
        buckets.computeIfAbsent(bucket, k -> new LinkedHashSet<>()).add(id);
        return bucket;
    }

    void remove(long id) {
        Long old = expiryOf.remove(id);
        if (old != null) {
            removeFromBucket(id, old);
        }
    }

    /** Removes and returns every id whose bucket time is at or before {@code now}. */
    List<Long> poll(long now) {
        List<Long> expired = new ArrayList<>();
        while (!buckets.isEmpty() && buckets.firstKey() <= now) {
            for (Long id : buckets.pollFirstEntry().getValue()) {
                expiryOf.remove(id);
                expired.add(id);
            }
        }
        return expired;
    }

    /** Each bucket's expiry time and the ids in it, oldest first; a copy. */
    Map<Long, Set<Long>> buckets() {
        Map<Long, Set<Long>> out = new TreeMap<>();
        buckets.forEach((time, ids) -> out.put(time, Set.copyOf(ids)));
        return out;
    }

    private void removeFromBucket(long id, long bucket) {
        Set<Long> set = buckets.get(bucket);
        if (set != null && set.remove(id) && set.isEmpty()) {
            buckets.remove(bucket);
        }
    }

    private long roundUp(long time) {
        return (time / interval + 1) * interval;
    }
}
