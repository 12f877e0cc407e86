package io.paddock.storage.retention;

import java.nio.file.Path;
import java.util.List;

/**
 * What a purge deleted.
 *
 * @param deletedSnapshots snapshot files deleted, oldest first
 * @param deletedSegments log segment files deleted, oldest first
 * @param firstKeptSegmentZxid the first zxid of the oldest log segment kept, or 0 if none was
 *     deleted; a running log forgets the segments before it
 */
public record PurgeResult(List<Path> deletedSnapshots, List<Path> deletedSegments,
        long firstKeptSegmentZxid) {
    public PurgeResult {
        deletedSnapshots = List.copyOf(deletedSnapshots);
        deletedSegments = List.copyOf(deletedSegments);
    }

    static PurgeResult nothing() {
        return new PurgeResult(List.of(), List.of(), 0);
    }
}
