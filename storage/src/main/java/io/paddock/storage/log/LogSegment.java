package io.paddock.storage.log;

import java.nio.file.Path;

/**
 * One segment file of a {@link FileTxnLog}, as recovery found it.
 *
 * @param path the file, named {@code log.<hex firstZxid>}
 * @param firstZxid the zxid of its first record
 * @param lastZxid the zxid of its last valid record
 * @param dataEnd the offset just after its last valid record
 */
public record LogSegment(Path path, long firstZxid, long lastZxid, long dataEnd) {
}
