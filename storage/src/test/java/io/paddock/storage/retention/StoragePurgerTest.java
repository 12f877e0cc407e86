package io.paddock.storage.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.Txn;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.snapshot.SnapshotSource;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePurgerTest {
    @TempDir
    Path dir;

    /** Five rounds of: 10 txns, snapshot at the last zxid, roll. Segments start at 1, 11, 21... */
    private void fiveSnapshotsAndSegments() throws Exception {
        SnapshotStore snaps = new SnapshotStore(dir, false);
        try (FileTxnLog log = LogRecovery.open(dir, FileTxnLogOptions.defaults()
                .withPreAllocSize(4096).withForceSync(false), CorruptionPolicy.REFUSE)) {
            long zxid = 0;
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 10; i++) {
                    log.append(new Txn(++zxid, 1, new byte[10]));
                }
                log.flush();
                long at = zxid;
                snaps.write(new SnapshotSource() {
                    @Override
                    public long zxid() {
                        return at;
                    }

                    @Override
                    public void writeTo(OutputStream out) {
                    }
                });
                log.rollLog();
            }
        }
    }

    private List<String> names(List<Path> paths) {
        List<String> out = new ArrayList<>();
        paths.forEach(p -> out.add(p.getFileName().toString()));
        return out;
    }

    @Test
    void keepsTheNewestSnapshotsAndTheSegmentsTheyNeed() throws Exception {
        fiveSnapshotsAndSegments();

        PurgeResult r = StoragePurger.purge(dir, dir, 3);

        // Kept snapshots: 0x1e, 0x28, 0x32; replay from 0x1e needs 0x1f onwards: segment log.1f.
        assertEquals(List.of("snapshot.a", "snapshot.14"), names(r.deletedSnapshots()));
        assertEquals(List.of("log.1", "log.b", "log.15"), names(r.deletedSegments()));
        assertEquals(0x1f, r.firstKeptSegmentZxid());
        assertEquals(List.of("snapshot.1e", "snapshot.28", "snapshot.32"),
                names(SnapshotStore.list(dir)));
        assertEquals(List.of("log.1f", "log.29"), names(LogRecovery.segmentFiles(dir)));
        try (FileTxnLog log = LogRecovery.open(dir, FileTxnLogOptions.defaults(),
                CorruptionPolicy.REFUSE)) {
            List<Txn> replay = new ArrayList<>();
            log.readFrom(0x1e).forEachRemaining(replay::add);
            assertEquals(20, replay.size());
            assertEquals(0x1f, replay.get(0).zxid());
        }
    }

    @Test
    void withNoMoreSnapshotsThanTheCountNothingIsDeleted() throws Exception {
        fiveSnapshotsAndSegments();

        PurgeResult r = StoragePurger.purge(dir, dir, 5);

        assertTrue(r.deletedSnapshots().isEmpty() && r.deletedSegments().isEmpty());
    }

    @Test
    void refusesToKeepFewerThanThree() {
        assertThrows(IllegalArgumentException.class, () -> StoragePurger.purge(dir, dir, 2));
    }

    @Test
    void theToolPurgesAndReports() throws Exception {
        fiveSnapshotsAndSegments();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PurgeTool.run(new String[] {"--data-dir", dir.toString(), "--count", "4"},
                new PrintStream(out), new PrintStream(err));

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("purged 1 snapshots and 2 log segments"), out.toString());
        assertEquals(2, PurgeTool.run(new String[] {"--count", "4"}, new PrintStream(out),
                new PrintStream(err)));
        assertEquals(2, PurgeTool.run(new String[] {"-d", dir.toString(), "-n", "1"},
                new PrintStream(out), new PrintStream(err)));
    }
}
