package io.paddock.server.persistence;

import io.paddock.server.config.ServerConfig;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone server's durable state: opens (and repairs) the txn log in the log directory,
 * recovers the tree and sessions from the newest snapshot plus the log, and then keeps taking
 * snapshots and purging old files in the background.
 *
 * <p>Threading: {@link #open} at start-up; {@link #txnLog()} is written by the persist thread;
 * snapshots and purges run on one background thread; {@link #close()} after the pipeline has
 * drained.
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
    private final SnapshotScheduler scheduler;
    private final SnapshottingTxnLog pipelineLog;
    private final ScheduledExecutorService background;

    private ServerStorage(ServerConfig config, FileTxnLog fileLog, SnapshotStore snapshots,
            TreeState state, SessionTracker sessions) {
        this.config = config;
        this.fileLog = fileLog;
        this.snapshots = snapshots;
        this.tree = state.tree();
        this.sessions = sessions;
        this.window = new CommittedWindow(WINDOW_TXNS, WINDOW_BYTES, fileLog.lastFlushedZxid());
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paddock-snapshot");
            t.setDaemon(true);
            return t;
        });
        this.scheduler = new SnapshotScheduler(config.snapCount(), new SplittableRandom(),
                snapshots, () -> new DataTreeSnapshot(tree, sessions), fileLog::rollLog,
                () -> { }, background);
        this.pipelineLog = new SnapshottingTxnLog(fileLog, scheduler, window);
    }

    /**
     * Creates the directories, repairs a torn log tail, loads the newest valid snapshot and
     * replays the log after it.
     *
     * @throws io.paddock.storage.StorageCorruptionException if the log is damaged in the middle
     *     or no snapshot is valid
     */
    public static ServerStorage open(ServerConfig config, WatchManager watches, LongSupplier clock) {
        try {
            FileTxnLogOptions options = FileTxnLogOptions.defaults()
                    .withPreAllocSize(config.preAllocSizeKb() * 1024)
                    .withForceSync(config.forceSync())
                    .withFsyncWarningThresholdMs(config.fsyncWarningThresholdMs());
            FileTxnLog log = LogRecovery.open(config.txnLogDir(), options, CorruptionPolicy.REFUSE);
            try {
                SnapshotStore snapshots = new SnapshotStore(config.dataDir(),
                        config.snapshotCompression());
                TreeState state = Recovery.recover(snapshots, log, watches);
                SessionTracker sessions = new SessionTracker(0, config.tickTime(), clock,
                        SessionSecret.loadOrCreate(config.dataDir()));
                for (Map.Entry<Long, Integer> s : state.sessions().entrySet()) {
                    sessions.add(s.getKey(), s.getValue());
                }
                return new ServerStorage(config, log, snapshots, state, sessions);
            } catch (IOException | RuntimeException e) {
                log.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data in " + config.dataDir()
                    + " and " + config.txnLogDir(), e);
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

    /** Takes a snapshot on the calling thread; false if one is already being written. */
    public boolean snapshotNow() {
        return scheduler.snapshotNow();
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

    /** Stops background work, waiting for a snapshot being written, and closes the log. */
    @Override
    public void close() {
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
        fileLog.close();
    }
}
