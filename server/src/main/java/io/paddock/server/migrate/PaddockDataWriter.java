package io.paddock.server.migrate;

import io.paddock.server.persistence.DataTreeSnapshot;
import io.paddock.server.persistence.SessionSecret;
import io.paddock.server.session.SessionPasswords;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.storage.DirectorySync;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an imported state as a Paddock data directory: one Paddock snapshot at the imported
 * zxid, {@code session.scheme} (the sessions keep ZooKeeper's passwords, so their clients
 * resume) and {@code import-report.txt}. Everything is written to a sibling directory named
 * {@code <target>.importing} and renamed into place at the end, so a crash mid-import leaves no
 * half-made directory under the target's name, and the next start imports again.
 *
 * <p>Not thread-safe: one writer per target.
 */
public final class PaddockDataWriter {
    static final String REPORT_FILE = "import-report.txt";
    private static final String STAGING_SUFFIX = ".importing";

    private PaddockDataWriter() {
    }

    /**
     * @param target the Paddock data directory to create; must not exist or be empty
     * @return the snapshot file written
     */
    public static Path write(DataTree tree, Map<Long, Integer> sessions, List<String> report,
            Path target) throws IOException {
        if (Files.isDirectory(target) && !isEmpty(target)) {
            throw new IOException(target + " exists and is not empty; the import writes a new"
                    + " Paddock data directory and never writes over one");
        }
        Path staging = target.resolveSibling(target.getFileName() + STAGING_SUFFIX);
        deleteTree(staging); // what a crashed import left
        Files.createDirectories(staging);
        // The sessions' clocks start now; their timeouts are what ZooKeeper had.
        SessionTracker tracker = new SessionTracker(0, 1000, System::currentTimeMillis,
                SessionPasswords.zooKeeper());
        sessions.forEach(tracker::add);
        Path snapshot = new SnapshotStore(staging, false).write(new DataTreeSnapshot(tree, tracker));
        SessionSecret.useZooKeeperScheme(staging);
        Files.write(staging.resolve(REPORT_FILE), report, StandardCharsets.UTF_8);
        DirectorySync.fsync(staging);
        if (Files.isDirectory(target)) {
            Files.delete(target); // empty, checked above
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        DirectorySync.fsync(target.toAbsolutePath().getParent());
        return target.resolve(snapshot.getFileName());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
