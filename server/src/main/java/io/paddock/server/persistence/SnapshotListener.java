package io.paddock.server.persistence;

/**
 * Told about each snapshot once it is durable, for metrics and for knowing what the newest
 * snapshot holds.
 *
 * <p>Called on the thread that wrote the snapshot (the snapshot thread, or the caller of
 * {@link SnapshotScheduler#snapshotNow()}); snapshots never overlap, so calls do not either.
 */
@FunctionalInterface
public interface SnapshotListener {
    /**
     * @param zxid the snapshot's zxid
     * @param nanos how long writing it took, fsync and rename included
     */
    void snapshotWritten(long zxid, long nanos);
}
