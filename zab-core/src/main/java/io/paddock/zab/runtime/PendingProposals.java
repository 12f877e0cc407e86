package io.paddock.zab.runtime;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The futures of proposals this peer made as leader, completed with their zxid when the txn is
 * applied here (so it is committed), or failed when this peer stops serving.
 *
 * <p>Not thread-safe: owned by the driver thread.
 */
final class PendingProposals {
    private final TreeMap<Long, CompletableFuture<Long>> byZxid = new TreeMap<>();

    void add(long zxid, CompletableFuture<Long> done) {
        byZxid.put(zxid, done);
    }

    /** Every txn up to {@code zxid} is applied. */
    void applied(long zxid) {
        if (byZxid.isEmpty() || byZxid.firstKey() > zxid) {
            return;
        }
        NavigableMap<Long, CompletableFuture<Long>> done = byZxid.headMap(zxid, true);
        for (Map.Entry<Long, CompletableFuture<Long>> e : done.entrySet()) {
            e.getValue().complete(e.getKey());
        }
        done.clear();
    }

    /** This peer stopped serving: what is in flight may or may not commit. */
    void failAll(String why) {
        for (CompletableFuture<Long> f : byZxid.values()) {
            f.completeExceptionally(ProposalException.unknown(why));
        }
        byZxid.clear();
    }

    int size() {
        return byZxid.size();
    }
}
