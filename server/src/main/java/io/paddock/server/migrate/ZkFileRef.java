package io.paddock.server.migrate;

import io.paddock.storage.StorageCorruptionException;
import java.nio.file.Path;

/**
 * A ZooKeeper file being read, for error messages: which file, and whether offsets count bytes
 * of the file itself or of its decompressed stream.
 *
 * <p>Immutable.
 *
 * @param file the file
 * @param decompressed true when offsets are in the decompressed stream of a .gz or .snappy file
 */
record ZkFileRef(Path file, boolean decompressed) {

    StorageCorruptionException corrupt(long offset, String reason) {
        return corrupt(offset, -1, reason);
    }

    StorageCorruptionException corrupt(long offset, long zxid, String reason) {
        return new StorageCorruptionException(file, offset, zxid,
                reason + (decompressed ? " (the offset counts decompressed bytes)" : ""));
    }
}
