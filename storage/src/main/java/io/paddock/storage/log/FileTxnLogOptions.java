package io.paddock.storage.log;

/**
 * How a {@link FileTxnLog} writes.
 *
 * @param preAllocSize bytes a segment grows by at a time, so that appends land in space the file
 *     already has and an fsync does not have to write file-size metadata (ZooKeeper's
 *     preAllocSize, 64 MiB by default)
 * @param segmentSizeLimit a new segment starts once the current one holds this many bytes
 * @param forceSync whether {@link FileTxnLog#flush()} calls fsync; false trades durability on
 *     power loss for speed (ZooKeeper's forceSync=no)
 * @param fsyncWarningThresholdMs an fsync slower than this is logged and counted
 * @param fsyncListener told the duration of every fsync (for metrics)
 */
public record FileTxnLogOptions(long preAllocSize, long segmentSizeLimit, boolean forceSync,
        long fsyncWarningThresholdMs, FsyncListener fsyncListener) {

    public static final long DEFAULT_PREALLOC_SIZE = 64L << 20;
    public static final long DEFAULT_SEGMENT_SIZE_LIMIT = 256L << 20;
    /** Segments are read through int offsets in recovery. */
    public static final long MAX_SEGMENT_SIZE_LIMIT = 1L << 30;

    public FileTxnLogOptions {
        if (preAllocSize < 4096) {
            throw new IllegalArgumentException("preAllocSize must be at least 4096, was "
                    + preAllocSize);
        }
        if (segmentSizeLimit < 4096 || segmentSizeLimit > MAX_SEGMENT_SIZE_LIMIT) {
            throw new IllegalArgumentException("segmentSizeLimit must be in [4096, 1 GiB], was "
                    + segmentSizeLimit);
        }
        if (fsyncWarningThresholdMs < 0) {
            throw new IllegalArgumentException("fsyncWarningThresholdMs must not be negative");
        }
        if (fsyncListener == null) {
            throw new IllegalArgumentException("fsyncListener must not be null; use NONE");
        }
    }

    /** Options that tell nobody about fsyncs. */
    public FileTxnLogOptions(long preAllocSize, long segmentSizeLimit, boolean forceSync,
            long fsyncWarningThresholdMs) {
        this(preAllocSize, segmentSizeLimit, forceSync, fsyncWarningThresholdMs,
                FsyncListener.NONE);
    }

    /** 64 MiB preallocation, 256 MiB segments, fsync on, warn above 1000 ms, no listener. */
    public static FileTxnLogOptions defaults() {
        return new FileTxnLogOptions(DEFAULT_PREALLOC_SIZE, DEFAULT_SEGMENT_SIZE_LIMIT, true, 1000);
    }

    public FileTxnLogOptions withPreAllocSize(long bytes) {
        return new FileTxnLogOptions(bytes, segmentSizeLimit, forceSync, fsyncWarningThresholdMs,
                fsyncListener);
    }

    public FileTxnLogOptions withSegmentSizeLimit(long bytes) {
        return new FileTxnLogOptions(preAllocSize, bytes, forceSync, fsyncWarningThresholdMs,
                fsyncListener);
    }

    public FileTxnLogOptions withForceSync(boolean force) {
        return new FileTxnLogOptions(preAllocSize, segmentSizeLimit, force, fsyncWarningThresholdMs,
                fsyncListener);
    }

    public FileTxnLogOptions withFsyncWarningThresholdMs(long millis) {
        return new FileTxnLogOptions(preAllocSize, segmentSizeLimit, forceSync, millis,
                fsyncListener);
    }

    public FileTxnLogOptions withFsyncListener(FsyncListener listener) {
        return new FileTxnLogOptions(preAllocSize, segmentSizeLimit, forceSync,
                fsyncWarningThresholdMs, listener);
    }
}
