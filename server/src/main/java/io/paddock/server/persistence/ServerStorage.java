package io.paddock.server.persistence;

import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.epoch.EpochStore;
import io.paddock.storage.log.CommittedWindow;
import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.TxnHistory;
import io.paddock.storage.log.TxnLog;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.retention.PurgeResult;
import io.paddock.storage.retention.StoragePurger;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone server's durable state: opens (and repairs) the txn log in the log directory,
 * recovers the tree and sessions from the newest snapshot plus the log, and then keeps taking
 * snapshots and purging old files in the background.
 *
 * <p>Threading: {@link #open} at start-up; {@link #txnLog()} is written by the persist thread;
 * snapshots and purges run on one background thread; {@link #shutdown()} (or {@link #close()})
 * after the pipeline has drained.
 */
public final class ServerStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStorage.class);
    private static final int WINDOW_TXNS = 10_000;
    private static final long WINDOW_BYTES = 32L << 20;

    private final ServerConfig config;
    private final FileTxnLog fileLog;
    private final SnapshotStore snapshots;
    private final DataTree tree;
    private final SessionTracker sessions;
    private final CommittedWindow window;
    private final EpochStore epochs;
    private final SnapshotScheduler scheduler;
    private final SnapshottingTxnLog pipelineLog;
    private final ScheduledExecutorService background;
    /** The zxid of the newest snapshot loaded or written, so shutdown knows if one is due. */
    private final AtomicLong lastSnapshotZxid;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ServerStorage(ServerConfig config, FileTxnLog fileLog, SnapshotStore snapshots,
            TreeState state, SessionTracker sessions, SnapshotListener listener,
            EpochStore epochs) {
        this.config = config;
        this.epochs = epochs;
        this.fileLog = fileLog;
        this.snapshots = snapshots;
        this.tree = state.tree();
        this.sessions = sessions;
        this.window = new CommittedWindow(WINDOW_TXNS, WINDOW_BYTES, fileLog.lastFlushedZxid());
        this.lastSnapshotZxid = new AtomicLong(state.snapshotZxid());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paddock-snapshot");
            t.setDaemon(true);
            return t;
        });
        this.scheduler = new SnapshotScheduler(config.snapCount(), new SplittableRandom(),
                snapshots, () -> new DataTreeSnapshot(tree, sessions), fileLog::rollLog,
                (zxid, nanos) -> {
                    lastSnapshotZxid.accumulateAndGet(zxid, Math::max);
                    listener.snapshotWritten(zxid, nanos);
                }, background);
        this.pipelineLog = new SnapshottingTxnLog(fileLog, scheduler);
    }

    /**
     * Creates the directories, repairs a torn log tail, loads the newest valid snapshot and
     * replays the log after it.
     *
     * @throws io.paddock.storage.StorageCorruptionException if the log is damaged in the middle
     *     or no snapshot is valid
     */
    public static ServerStorage open(ServerConfig config, WatchManager watches, LongSupplier clock) {
        return open(config, watches, clock, StorageListener.NONE);
    }

    /**
     * As {@link #open(ServerConfig, WatchManager, LongSupplier)}, reporting every fsync and
     * snapshot to a listener.
     */
    public static ServerStorage open(ServerConfig config, WatchManager watches, LongSupplier clock,
            StorageListener listener) {
        try {
            FileTxnLogOptions options = FileTxnLogOptions.defaults()
                    .withPreAllocSize(config.preAllocSizeKb() * 1024)
                    .withForceSync(config.forceSync())
                    .withFsyncWarningThresholdMs(config.fsyncWarningThresholdMs())
                    .withFsyncListener(listener);
            // The log check and the snapshot load read different files and need each other only
            // for the replay, so they run side by side: on a large tree that hides the check.
            CompletableFuture<FileTxnLog> checkedLog = new CompletableFuture<>();
            Thread checker = new Thread(() -> {
                try {
                    checkedLog.complete(LogRecovery.open(config.txnLogDir(), options,
                            CorruptionPolicy.REFUSE));
                } catch (Throwable t) {
                    checkedLog.completeExceptionally(t);
                }
            }, "paddock-log-check");
            checker.setDaemon(true);
            checker.start();
            try {
                SnapshotStore snapshots = new SnapshotStore(config.dataDir(),
                        config.snapshotCompression());
                // [ensemble] A member's log may end in proposals never committed: the ZAB
                // runtime applies logged txns once it knows they were.
                boolean alone = config.ensemble().isEmpty();
                TreeState state = Recovery.recover(snapshots, () -> awaitLog(checkedLog), watches,
                        alone);
                long serverId = config.ensemble().map(EnsembleConfig::myId).orElse(0L);
                SessionTracker sessions = new SessionTracker(serverId, config.tickTime(), clock,
                        SessionSecret.passwords(config.dataDir()));
                for (Map.Entry<Long, Integer> s : state.sessions().entrySet()) {
                    sessions.add(s.getKey(), s.getValue());
                }
                EpochStore epochs = EpochStore.open(config.dataDir());
                return new ServerStorage(config, awaitLog(checkedLog), snapshots, state, sessions,
                        listener, epochs);
            } catch (IOException | RuntimeException e) {
                closeWhenChecked(checkedLog);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data in " + config.dataDir()
                    + " and " + config.txnLogDir(), e);
        }
    }

    /** The checked log, or the check's own exception (a corruption report stays one). */
    private static FileTxnLog awaitLog(CompletableFuture<FileTxnLog> checkedLog) throws IOException {
        try {
            return checkedLog.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** After a failed recovery, the log is released once its check ends, whichever way. */
    private static void closeWhenChecked(CompletableFuture<FileTxnLog> checkedLog) {
        try {
            checkedLog.join().close();
        } catch (CompletionException ignored) {
            // the check failed too: there is no log to close, and the first failure is reported
        }
    }

    /** The recovered tree; its last processed zxid seeds the zxid counter. */
    public DataTree tree() {
        return tree;
    }

    /** The session tracker with every recovered session open again, with its timeout. */
    public SessionTracker sessions() {
        return sessions;
    }

    /** The log for the pipeline's persist stage. */
    public TxnLog txnLog() {
        return pipelineLog;
    }

    /** ZAB's durable acceptedEpoch and currentEpoch, in the data directory. */
    public EpochStore epochs() {
        return epochs;
    }

    /** The in-memory tier of committed txns, filled at commit by the ZAB runtime. */
    public CommittedWindow committedWindow() {
        return window;
    }

    /** Committed txns after a zxid, from memory or the log segments. */
    public TxnHistory history() {
        return new TxnHistory(window, fileLog);
    }

    public FileTxnLog fileLog() {
        return fileLog;
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** Starts autopurge when configured. Snapshots start themselves as txns are logged. */
    public void startBackground() {
        int hours = config.purgeIntervalHours();
        if (hours > 0) {
            background.scheduleWithFixedDelay(this::purge, hours, hours, TimeUnit.HOURS);
            LOG.info("autopurge every {} h keeping {} snapshots", hours, config.snapRetainCount());
        }
    }

    /** Takes a snapshot on the calling thread; false if one is being written or it failed. */
    public boolean snapshotNow() {
        return scheduler.snapshotNow();
    }

    /** The zxid of the newest snapshot loaded at start-up or written since; 0 if none. */
    public long lastSnapshotZxid() {
        return lastSnapshotZxid.get();
    }

    /** Deletes snapshots and segments beyond what retention keeps. */
    public PurgeResult purge() {
        try {
            PurgeResult r = StoragePurger.purge(config.dataDir(), config.txnLogDir(),
                    config.snapRetainCount());
            if (r.firstKeptSegmentZxid() > 0) {
                fileLog.forgetSegmentsBefore(r.firstKeptSegmentZxid());
            }
            return r;
        } catch (IOException | RuntimeException e) {
            LOG.error("purge of {} failed", config.dataDir(), e);
            return new PurgeResult(List.of(), List.of(), 0);
        }
    }

    /**
     * The clean shutdown, once the pipeline has drained and the log is flushed: stops background
     * work, then, if snapshotOnShutdown is set and a txn was applied since the newest snapshot,
     * writes one more so that the next start loads it instead of replaying the log, then closes
     * the log. A crash while it is being written leaves only a temporary file, deleted at the
     * next start, and the log still holds every txn.
     */
    public void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopBackground();
        if (config.snapshotOnShutdown()) {
            snapshotIfBehind();
        }
        fileLog.close();
    }

    /**
     * Stops background work, waiting for a snapshot being written, and closes the log, with no
     * shutdown snapshot: for a server that did not finish starting.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopBackground();
        fileLog.close();
    }

    private void snapshotIfBehind() {
        long applied = tree.lastProcessedZxid();
        long newest = lastSnapshotZxid.get();
        if (applied <= newest) {
            LOG.info("no txn since the snapshot at zxid 0x{}; no snapshot at shutdown",
                    Long.toHexString(newest));
            return;
        }
        long started = System.nanoTime();
        if (scheduler.snapshotNow()) {
            LOG.info("wrote the shutdown snapshot at zxid 0x{} in {} ms",
                    Long.toHexString(lastSnapshotZxid.get()),
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            LOG.warn("no shutdown snapshot was written; the next start replays the log from"
                    + " zxid 0x{}", Long.toHexString(newest));
        }
    }

    private void stopBackground() {
        background.shutdown();
        try {
            if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a snapshot was still being written at shutdown");
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
