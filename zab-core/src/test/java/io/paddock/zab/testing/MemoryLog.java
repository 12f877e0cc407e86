package io.paddock.zab.testing;

import io.paddock.zab.LogView;
import io.paddock.zab.Proposal;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory txn log for tests: appended txns are written but not durable until
 * {@link #flush()}; a crash loses what was not flushed. It may start after a snapshot
 * ({@link #base()}), below which it holds nothing.
 *
 * <p>Not thread-safe.
 */
public final class MemoryLog implements LogView {
    private final List<Proposal> durable = new ArrayList<>();
    private final List<Proposal> written = new ArrayList<>();
    private long base;

    public void append(Proposal proposal) {
        written.add(proposal);
    }

    /** Makes every written txn durable; returns the last durable zxid. */
    public long flush() {
        durable.addAll(written);
        written.clear();
        return lastLogged();
    }

    /** The last zxid written, durable or not (what a runtime's zxid counter continues from). */
    public long lastWritten() {
        return written.isEmpty() ? Math.max(lastLogged(), base) : written.get(written.size() - 1).zxid();
    }

    public boolean hasUnflushed() {
        return !written.isEmpty();
    }

    /** Loses what was not flushed, as a crash does. */
    public void crash() {
        written.clear();
    }

    public void truncateAfter(long zxid) {
        durable.removeIf(p -> p.zxid() > zxid);
        written.removeIf(p -> p.zxid() > zxid);
    }

    /** The log now starts after a snapshot at {@code zxid}. */
    public void replaceBySnapshot(long zxid) {
        durable.clear();
        written.clear();
        base = zxid;
    }

    /** Drops every durable txn up to {@code zxid}, as compaction behind a snapshot does. */
    public void compactThrough(long zxid) {
        durable.removeIf(p -> p.zxid() <= zxid);
        base = Math.max(base, zxid);
    }

    public long base() {
        return base;
    }

    public List<Proposal> durableTxns() {
        return List.copyOf(durable);
    }

    @Override
    public long lastLogged() {
        return durable.isEmpty() ? 0 : durable.get(durable.size() - 1).zxid();
    }

    @Override
    public long floor(long zxid) {
        if (zxid < base) {
            return 0;
        }
        long found = 0;
        for (Proposal p : durable) {
            if (p.zxid() > zxid) {
                break;
            }
            found = p.zxid();
        }
        return found;
    }

    @Override
    public List<Proposal> readAfter(long zxidExclusive, int max) {
        if (zxidExclusive < base) {
            return null;
        }
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : durable) {
            if (p.zxid() > zxidExclusive && out.size() < max) {
                out.add(p);
            }
        }
        return out;
    }
}
