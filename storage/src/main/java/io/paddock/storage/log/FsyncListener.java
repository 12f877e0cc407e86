package io.paddock.storage.log;

/**
 * Told how long each txn log fsync took, so that a server can keep fsync-time metrics without
 * storage depending on a metrics library.
 *
 * <p>Called on the log's writer thread, right after the fsync and before the flush returns, so
 * an implementation must be cheap and must not block or throw.
 */
@FunctionalInterface
public interface FsyncListener {
    /** Ignores every fsync. */
    FsyncListener NONE = nanos -> { };

    /** One fsync of a segment finished after {@code nanos} nanoseconds. */
    void fsynced(long nanos);
}
