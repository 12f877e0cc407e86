package io.paddock.storage.snapshot;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a snapshot body back into state. If the snapshot then proves damaged (its checksum does
 * not match), what was read is discarded and the reader is called again with an older one, so
 * it must build fresh state on every call.
 *
 * @param <T> the state read
 */
@FunctionalInterface
public interface SnapshotReader<T> {

    /**
     * @param zxid the zxid the snapshot started at
     * @param body the body as {@link SnapshotSource#writeTo} wrote it, decompressed
     */
    T read(long zxid, InputStream body) throws IOException;
}
