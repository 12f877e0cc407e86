package io.paddock.server.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.paddock.server.persistence.StorageListener;
import io.paddock.storage.log.FileTxnLog;
import java.util.concurrent.TimeUnit;

/**
 * The txn log and snapshot metrics, in the server's {@link MetricRegistry} (so over JMX) and
 * for mntr:
 *
 * <ul>
 *   <li>{@code fsync_time}: timer of txn log fsyncs; its count is the number of fsyncs;</li>
 *   <li>{@code fsync_threshold_exceed_count}: fsyncs slower than fsync.warningthresholdms;</li>
 *   <li>{@code txn_log_bytes_written}: bytes written to log segments since start;</li>
 *   <li>{@code snapshot_time}: timer of snapshot writes; its count is the snapshots taken;</li>
 *   <li>{@code last_snapshot_zxid}, {@code last_snapshot_duration_ms}: the last snapshot this
 *       process wrote (0 before the first).</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #fsynced} runs on the persist thread once per fsync and
 * {@link #snapshotWritten} on the snapshot thread; the log's own counters are read only when
 * someone asks.
 */
public final class StorageStats implements StorageListener {
    private final DurationSummary fsyncTime;
    private final DurationSummary snapshotTime;
    private volatile FileTxnLog log;
    private volatile long lastSnapshotZxid;
    private volatile long lastSnapshotNanos;

    public StorageStats(MetricRegistry registry) {
        this.fsyncTime = new DurationSummary(registry, "fsync_time");
        this.snapshotTime = new DurationSummary(registry, "snapshot_time");
        registry.register("fsync_threshold_exceed_count",
                (Gauge<Long>) this::fsyncThresholdExceedCount);
        registry.register("txn_log_bytes_written", (Gauge<Long>) this::txnLogBytesWritten);
        registry.register("last_snapshot_zxid", (Gauge<Long>) this::lastSnapshotZxid);
        registry.register("last_snapshot_duration_ms", (Gauge<Long>) this::lastSnapshotMs);
    }

    /** The log whose counters the gauges read; until it is set they read 0. */
    public void watch(FileTxnLog fileLog) {
        this.log = fileLog;
    }

    @Override
    public void fsynced(long nanos) {
        fsyncTime.record(nanos);
    }

    @Override
    public void snapshotWritten(long zxid, long nanos) {
        snapshotTime.record(nanos);
        lastSnapshotNanos = nanos;
        lastSnapshotZxid = zxid;
    }

    public DurationSummary fsyncTime() {
        return fsyncTime;
    }

    public DurationSummary snapshotTime() {
        return snapshotTime;
    }

    public long fsyncThresholdExceedCount() {
        FileTxnLog l = log;
        return l == null ? 0 : l.slowFsyncCount();
    }

    public long txnLogBytesWritten() {
        FileTxnLog l = log;
        return l == null ? 0 : l.bytesWritten();
    }

    public long lastSnapshotZxid() {
        return lastSnapshotZxid;
    }

    public long lastSnapshotMs() {
        return TimeUnit.NANOSECONDS.toMillis(lastSnapshotNanos);
    }
}
