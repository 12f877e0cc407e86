package io.paddock.server.jmx;

/**
 * The transaction log and snapshots ({@code io.paddock:server=<port>,type=Storage}).
 * Durations in milliseconds, since start.
 */
public interface StorageMXBean {
    String getDataDir();

    String getDataLogDir();

    long getDataDirSize();

    long getLogDirSize();

    long getTxnLogBytesWritten();

    long getFsyncCount();

    double getAvgFsyncLatency();

    long getMaxFsyncLatency();

    long getFsyncThresholdExceedCount();

    /** The newest snapshot's zxid, 0x-prefixed hex; 0xffffffffffffffff if there is none. */
    String getLastSnapshotZxid();

    /** The newest snapshot file's time, ISO-8601, or empty if there is none. */
    String getLastSnapshotTime();

    /**
     * Writes a snapshot now, on the caller's thread, and returns its zxid; refused with an
     * error if one is being written.
     */
    String takeSnapshot();
}
