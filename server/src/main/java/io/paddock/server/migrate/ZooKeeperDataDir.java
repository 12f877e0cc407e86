package io.paddock.server.migrate;

import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A ZooKeeper data directory: snapshots and the epoch files in {@code dataDir/version-2},
 * txn log segments in {@code dataLogDir/version-2} (the same directory when dataLogDir is not
 * set). Only reads.
 *
 * <p>Thread-safe: immutable; every method reads the disk afresh.
 */
public final class ZooKeeperDataDir {
    private final Path snapDir;
    private final Path logDir;

    private ZooKeeperDataDir(Path snapDir, Path logDir) {
        this.snapDir = snapDir;
        this.logDir = logDir;
    }

    /**
     * @param dataDir zoo.cfg's dataDir
     * @param dataLogDir zoo.cfg's dataLogDir, or the dataDir when it is not set
     */
    public static ZooKeeperDataDir of(Path dataDir, Path dataLogDir) {
        return new ZooKeeperDataDir(dataDir.resolve(ZkFileNames.VERSION_DIR),
                dataLogDir.resolve(ZkFileNames.VERSION_DIR));
    }

    /** True if the directories hold a ZooKeeper snapshot or log segment. */
    public boolean exists() throws IOException {
        return !snapshotsNewestFirst().isEmpty() || !logsOldestFirst().isEmpty();
    }

    public Path snapDir() {
        return snapDir;
    }

    public Path logDir() {
        return logDir;
    }

    /** The snapshot files (any compression), newest zxid first. */
    public List<Path> snapshotsNewestFirst() throws IOException {
        return list(snapDir, ZkFileNames::snapshotZxid, true);
    }

    /** The log segments, by first zxid. */
    public List<Path> logsOldestFirst() throws IOException {
        return list(logDir, ZkFileNames::logZxid, false);
    }

    /** {@code acceptedEpoch}, if the file is there. */
    public OptionalLong acceptedEpoch() throws IOException {
        return epoch(ZkFileNames.ACCEPTED_EPOCH);
    }

    /** {@code currentEpoch}, if the file is there. */
    public OptionalLong currentEpoch() throws IOException {
        return epoch(ZkFileNames.CURRENT_EPOCH);
    }

    private OptionalLong epoch(String name) throws IOException {
        Path file = snapDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new StorageCorruptionException(file, 0, -1, "'" + text
                    + "' is not an epoch (ZooKeeper writes a decimal number)");
        }
    }

    private static List<Path> list(Path dir, java.util.function.ToLongFunction<String> zxidOf,
            boolean newestFirst) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Comparator<Path> byZxid = Comparator.comparingLong(
                p -> zxidOf.applyAsLong(p.getFileName().toString()));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> zxidOf.applyAsLong(p.getFileName().toString()) >= 0)
                    .filter(Files::isRegularFile)
                    .sorted(newestFirst ? byZxid.reversed() : byZxid)
                    .toList();
        }
    }

    @Override
    public String toString() {
        return snapDir.equals(logDir) ? snapDir.toString() : snapDir + " and " + logDir;
    }
}
