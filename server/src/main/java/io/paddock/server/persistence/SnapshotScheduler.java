package io.paddock.server.persistence;

import io.paddock.storage.snapshot.SnapshotSource;
import io.paddock.storage.snapshot.SnapshotStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a snapshot every snapCount logged txns, on a background thread, and rolls the log when
 * it does so that retention can later drop whole segments. The trigger point is randomised
 * between snapCount/2 and snapCount, as ZooKeeper does, so the servers of an ensemble do not all
 * snapshot at once.
 *
 * <p>Threading: {@link #logged} is called by the persist thread only; snapshots run on the given
 * single-thread executor. If the previous snapshot is still running, the trigger is skipped and
 * the count starts again (ZooKeeper's "too busy to snap").
 */
public final class SnapshotScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);

    private final int snapCount;
    private final RandomGenerator random;
    private final SnapshotStore store;
    private final Supplier<SnapshotSource> sources;
    private final Runnable rollLog;
    private final SnapshotListener afterSnapshot;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private long sinceLast;
    private long threshold;

    /**
     * @param sources makes the snapshot's source on the snapshot thread, when it starts
     * @param afterSnapshot told each snapshot's zxid and duration once it is durable
     */
    public SnapshotScheduler(int snapCount, RandomGenerator random, SnapshotStore store,
            Supplier<SnapshotSource> sources, Runnable rollLog, SnapshotListener afterSnapshot,
            ExecutorService executor) {
        if (snapCount < 2) {
            throw new IllegalArgumentException("snapCount must be at least 2, was " + snapCount);
        }
        this.snapCount = snapCount;
        this.random = random;
        this.store = store;
        this.sources = sources;
        this.rollLog = rollLog;
        this.afterSnapshot = afterSnapshot;
        this.executor = executor;
        this.threshold = nextThreshold();
    }

    /** Counts txns just made durable and starts a snapshot when enough have been. */
    public void logged(int txns) {
        sinceLast += txns;
        if (sinceLast < threshold) {
            return;
        }
        sinceLast = 0;
        threshold = nextThreshold();
        if (!running.compareAndSet(false, true)) {
            LOG.warn("a snapshot is still being written; skipping this one");
            return;
        }
        rollLog.run();
        try {
            executor.execute(this::snapshot);
        } catch (RejectedExecutionException e) {
            running.set(false); // shutting down
        }
    }

    /**
     * Writes a snapshot now on the calling thread (for tests and shutdown).
     *
     * @return true once it is durable; false if another one is being written or this one failed
     */
    public boolean snapshotNow() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        rollLog.run();
        return snapshot();
    }

    /** The number of logged txns that triggers the next snapshot. */
    long threshold() {
        return threshold;
    }

    private boolean snapshot() {
        try {
            SnapshotSource source = sources.get();
            long started = System.nanoTime();
            store.write(source);
            afterSnapshot.snapshotWritten(source.zxid(), System.nanoTime() - started);
            return true;
        } catch (Exception e) {
            LOG.error("snapshot failed; the log still holds every txn", e);
            return false;
        } finally {
            running.set(false);
        }
    }

    private long nextThreshold() {
        int half = snapCount / 2;
        return half + random.nextInt(half + 1);
    }
}
