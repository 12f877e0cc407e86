package io.paddock.storage.retention;

import io.paddock.storage.log.LogRecordCodec;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: keeps the newest {@code retainCount} snapshots and the log segments needed to
 * replay from the oldest of them, and deletes the rest (ZooKeeper's autopurge and PurgeTxnLog).
 *
 * <p>The segment holding the txn right after the oldest kept snapshot's zxid is kept, and so is
 * every later one. With fewer snapshots than {@code retainCount}, nothing is deleted.
 *
 * <p>Thread-safe: stateless. Safe beside a running server, which only appends to the newest
 * segment and writes snapshots through temporary files.
 */
public final class StoragePurger {
    /** ZooKeeper's floor: two snapshots to fall back on besides the newest. */
    public static final int MIN_RETAIN_COUNT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StoragePurger.class);

    private StoragePurger() {
    }

    public static PurgeResult purge(Path snapDir, Path logDir, int retainCount) throws IOException {
        if (retainCount < MIN_RETAIN_COUNT) {
            throw new IllegalArgumentException("retain count must be at least " + MIN_RETAIN_COUNT
                    + ", was " + retainCount);
        }
        List<Path> snapshots = SnapshotStore.list(snapDir);
        if (snapshots.size() <= retainCount) {
            return PurgeResult.nothing();
        }
        List<Path> oldSnapshots = snapshots.subList(0, snapshots.size() - retainCount);
        long oldestKept = SnapshotStore.zxidOf(snapshots.get(snapshots.size() - retainCount));
        List<Path> segments = LogRecovery.segmentFiles(logDir);
        int firstKept = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (zxidOf(segments.get(i)) <= oldestKept + 1) {
                firstKept = i;
            }
        }
        List<Path> oldSegments = new ArrayList<>(segments.subList(0, firstKept));
        for (Path p : oldSnapshots) {
            Files.deleteIfExists(p);
            LOG.info("purged snapshot {}", p);
        }
        for (Path p : oldSegments) {
            Files.deleteIfExists(p);
            LOG.info("purged txn log segment {}", p);
        }
        long keptZxid = oldSegments.isEmpty() ? 0 : zxidOf(segments.get(firstKept));
        return new PurgeResult(oldSnapshots, oldSegments, keptZxid);
    }

    private static long zxidOf(Path segment) {
        return LogRecordCodec.segmentZxid(segment.getFileName().toString());
    }
}
