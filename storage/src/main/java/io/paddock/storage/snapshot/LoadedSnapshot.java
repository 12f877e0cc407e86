package io.paddock.storage.snapshot;

import java.nio.file.Path;

/**
 * A snapshot read back and verified.
 *
 * @param file the snapshot file
 * @param zxid the zxid the snapshot started at: replay the log after it
 * @param state what the {@link SnapshotReader} built
 * @param <T> the state type
 */
public record LoadedSnapshot<T>(Path file, long zxid, T state) {
}
