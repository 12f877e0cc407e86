package io.paddock.server.migrate;

import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Paddock's tree and sessions from a ZooKeeper data directory, as ZooKeeper's own restore
 * would: the newest snapshot that verifies (a damaged newer one is reported and skipped, as
 * ZooKeeper's FileSnap does), then every logged txn after it, from the last segment named at or
 * before the snapshot's zxid on. Every record's checksum is checked, including those the snapshot
 * already covers. Nothing in the ZooKeeper directories is written.
 *
 * <p>Refuses with a {@link StorageCorruptionException} naming the file and offset: damage in the
 * middle of a segment, no valid snapshot where snapshots exist, log segments without a snapshot
 * (as ZooKeeper does), or txns missing between the snapshot and the log or between segments.
 *
 * <p>Not thread-safe: one import at a time per instance of the result.
 */
public final class ZooKeeperImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperImporter.class);

    private ZooKeeperImporter() {
    }

    /** The imported state: a tree (no watches), the open sessions and what was read. */
    public record Result(DataTree tree, Map<Long, Integer> sessions,
            ImportReport report) {
    }

    public static Result load(ZooKeeperDataDir dir, Progress progress) throws IOException {
        List<Path> snapshots = dir.snapshotsNewestFirst();
        List<Path> logs = dir.logsOldestFirst();
        long newestZxid = snapshots.isEmpty() ? 0
                : ZkFileNames.snapshotZxid(snapshots.get(0).getFileName().toString());
        progress.start(totalBytes(snapshots.isEmpty() ? List.of() : List.of(snapshots.get(0)))
                + totalBytes(logsFrom(logs, newestZxid)));
        List<String> skipped = new ArrayList<>();
        ZkSnapshot snapshot = newestValid(snapshots, skipped, progress);
        if (snapshot == null && !logs.isEmpty()) {
            Path first = logs.get(0);
            throw new StorageCorruptionException(first, 0, -1, "txn log segments but no snapshot"
                    + " in " + dir.snapDir() + "; ZooKeeper refuses such a directory as well"
                    + " (a snapshot is written when ZooKeeper starts on an empty one)");
        }
        if (snapshot == null) {
            snapshot = emptySnapshot();
        }
        ZkReplay replay = new ZkReplay(snapshot);
        List<Path> read = new ArrayList<>();
        List<String> torn = new ArrayList<>();
        replayLogs(logsFrom(logs, snapshot.zxid()), snapshot.zxid(), replay, read, torn,
                progress);
        replay.finish();
        int orphans = replay.deleteOrphanEphemerals();
        progress.finish();
        DataTree tree = snapshot.tree();
        ImportReport report = new ImportReport(dir.toString(),
                snapshot.file(), snapshot.zxid(), skipped, read, replay.applied(),
                replay.first(), tree.lastProcessedZxid(), torn, tree.nodeCount(),
                snapshot.sessions().size(), dir.acceptedEpoch(), dir.currentEpoch(),
                replay.digestChecks(), orphans, snapshot.unresolvedAcls().size());
        return new Result(tree, snapshot.sessions(), report);
    }

    private static ZkSnapshot newestValid(List<Path> snapshots, List<String> skipped,
            Progress progress) throws IOException {
        StorageCorruptionException newest = null;
        for (Path file : snapshots) {
            try {
                return ZkSnapshotReader.read(file, new WatchManager(), progress);
            } catch (StorageCorruptionException e) {
                LOG.warn("ZooKeeper snapshot {} is damaged; trying an older one: {}", file,
                        e.getMessage());
                skipped.add(e.getMessage());
                newest = newest == null ? e : newest;
            }
        }
        if (newest != null) {
            throw new StorageCorruptionException(newest.file(), newest.offset(), newest.zxid(),
                    "no valid ZooKeeper snapshot among " + snapshots.size()
                    + "; the newest fails with: " + newest.getMessage());
        }
        return null;
    }

    private static ZkSnapshot emptySnapshot() {
        return new ZkSnapshot(null, 0, ZkCompression.NONE, new DataTree(new WatchManager()),
                new HashMap<>(), 0, null, null, new HashSet<>());
    }

    /** ZooKeeper's rule: the last segment named at or before the zxid, and every later one. */
    private static List<Path> logsFrom(List<Path> oldestFirst, long zxid) {
        int start = 0;
        for (int i = 0; i < oldestFirst.size(); i++) {
            if (ZkFileNames.logZxid(oldestFirst.get(i).getFileName().toString()) <= zxid) {
                start = i;
            }
        }
        return oldestFirst.subList(start, oldestFirst.size());
    }

    private static void replayLogs(List<Path> logs, long snapshotZxid, ZkReplay replay,
            List<Path> read, List<String> torn, Progress progress) throws IOException {
        long[] last = {snapshotZxid};
        for (Path file : logs) {
            ZkLogReader.Result r = ZkLogReader.read(file, (offset, txn) -> {
                long zxid = txn.header().zxid();
                if (zxid <= last[0]) {
                    return; // in the snapshot already, or a segment overlapping the one before
                }
                if (!follows(last[0], zxid)) {
                    throw new StorageCorruptionException(file, offset, zxid, "txns are missing"
                            + " before this record: the last one before it is 0x"
                            + Long.toHexString(last[0]));
                }
                replay.apply(txn);
                last[0] = zxid;
            }, progress);
            read.add(file);
            if (r.tornAt() >= 0) {
                String where = file + " at offset " + r.tornAt() + ": " + r.tornReason();
                LOG.warn("ZooKeeper txn log has a torn tail (left as it is; the import stops"
                        + " reading that segment there): {}", where);
                torn.add(where);
            }
        }
    }

    /**
     * Whether {@code next} may follow {@code previous} with nothing missing: the next counter in
     * the same epoch, or the first txn (counter 1) of a later epoch.
     */
    static boolean follows(long previous, long next) {
        if (next == previous + 1) {
            return true;
        }
        return (next >>> 32) > (previous >>> 32) && (next & 0xffffffffL) == 1;
    }

    private static long totalBytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }
}
