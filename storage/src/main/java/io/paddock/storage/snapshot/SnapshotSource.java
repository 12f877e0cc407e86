package io.paddock.storage.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a snapshot is taken of. Storage does not know what the bytes mean; the server streams its
 * tree and sessions through {@link #writeTo}.
 *
 * <p>Called on the snapshot thread only, once per snapshot.
 */
public interface SnapshotSource {

    /**
     * The zxid of the last txn applied when the snapshot started. The snapshot may hold effects of
     * later txns too (it is fuzzy); replaying the log after this zxid makes it exact.
     */
    long zxid();

    /** Streams the body. The stream is buffered; do not close it. */
    void writeTo(OutputStream out) throws IOException;
}
