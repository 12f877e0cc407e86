package io.paddock.server.persistence;

import io.paddock.storage.log.FsyncListener;

/**
 * Everything {@link ServerStorage} reports as it works: each txn log fsync and each snapshot.
 * The server's metrics implement it; see each method for the thread it is called on.
 */
public interface StorageListener extends FsyncListener, SnapshotListener {
    /** Hears nothing. */
    StorageListener NONE = new StorageListener() {
        @Override
        public void fsynced(long nanos) {
        }

        @Override
        public void snapshotWritten(long zxid, long nanos) {
        }
    };
}
