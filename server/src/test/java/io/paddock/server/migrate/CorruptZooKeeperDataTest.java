package io.paddock.server.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged ZooKeeper data: a flipped byte anywhere in a snapshot, a truncated snapshot, a wrong
 * magic, damage in the middle of a log and missing txns are refused with the file and offset
 * named, and nothing on disk changes; a torn log tail is reported and read up to, as ZooKeeper
 * itself reads it.
 *
 * <p>Each fixture has one snapshot (taken by ZooKeeper at its second start, so it holds the
 * tree) and the logs before and after it.
 */
class CorruptZooKeeperDataTest {
    @TempDir
    static Path fixtures;
    private static final Map<ZkCompression, Path> FIXTURE = new EnumMap<>(ZkCompression.class);

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeFixtures() throws Exception {
        for (ZkCompression c : ZkCompression.values()) {
            Path dir = fixtures.resolve(c.name());
            try (RealZooKeeper zk = RealZooKeeper.start(dir, dir, 0, 100_000, c)) {
                ZooKeeper client = Workload.connect(zk.connectString(), null);
                Workload.run(zk.connectString(), client, client, 10);
                client.close();
            }
            // Its second start writes a snapshot of everything; then a few more txns follow it.
            try (RealZooKeeper zk = RealZooKeeper.start(dir, dir, 0, 100_000, c)) {
                ZooKeeper client = Workload.connect(zk.connectString(), null);
                for (int i = 0; i < 5; i++) {
                    client.create("/after-" + i, Workload.bytes("a" + i),
                            org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            org.apache.zookeeper.CreateMode.PERSISTENT);
                }
                client.close();
            }
            Files.delete(dir.resolve("version-2/snapshot.0" + c.extension()));
            FIXTURE.put(c, dir);
        }
    }

    private Path copy(ZkCompression c) {
        Path dir = tmp.resolve("data-" + c.name() + "-" + System.nanoTime());
        MigrationFixture.copyTree(FIXTURE.get(c), dir);
        return dir;
    }

    /** A directory with the fixture's snapshot only: the snapshot tests need no 64 MiB logs. */
    private Path copySnapshot(ZkCompression c) throws IOException {
        Path dir = tmp.resolve("snap-" + c.name() + "-" + System.nanoTime());
        Path snap = snapshot(FIXTURE.get(c));
        Files.createDirectories(dir.resolve("version-2"));
        Files.copy(snap, dir.resolve("version-2").resolve(snap.getFileName()));
        return dir;
    }

    private static Path snapshot(Path dir) throws IOException {
        List<Path> s = ZooKeeperDataDir.of(dir, dir).snapshotsNewestFirst();
        assertEquals(1, s.size());
        return s.get(0);
    }

    private static ZooKeeperImporter.Result load(Path dir) throws IOException {
        return ZooKeeperImporter.load(ZooKeeperDataDir.of(dir, dir), Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(ZkCompression.class)
    void aFlippedByteAnywhereInTheSnapshotIsRefusedOrHarmless(ZkCompression c) throws Exception {
        Map<String, String> intact = ZooKeeperOracle.dump(load(copySnapshot(c)).tree());
        long size = Files.size(snapshot(FIXTURE.get(c)));
        int refused = 0;
        for (long at = 0; at < size; at += Math.max(1, size / 60)) {
            Path dir = copySnapshot(c);
            Path snap = snapshot(dir);
            flip(snap, at);
            try {
                Map<String, String> loaded = ZooKeeperOracle.dump(load(dir).tree());
                // Only compressed files have bytes no reader checks (gzip's mtime, say).
                assertTrue(c != ZkCompression.NONE, "flip at " + at + " was not noticed");
                assertNull(ZnodeDump.firstDifference(intact, loaded), "flip at " + at);
            } catch (StorageCorruptionException e) {
                refused++;
                assertEquals(snap, e.file(), e.getMessage());
                assertTrue(e.getMessage().contains(snap.toString())
                        && e.getMessage().contains("offset " + e.offset()), e.getMessage());
            }
        }
        assertTrue(refused > 40, refused + " refusals");
    }

    @ParameterizedTest
    @EnumSource(ZkCompression.class)
    void aTruncatedSnapshotIsRefused(ZkCompression c) throws Exception {
        long size = Files.size(snapshot(FIXTURE.get(c)));
        for (long keep : new long[] {0, 3, 16, size / 3, size / 2, size - 30, size - 1}) {
            Path dir = copySnapshot(c);
            Path snap = snapshot(dir);
            try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                    () -> load(dir), "kept " + keep + " of " + size);
            assertEquals(snap, e.file());
            assertTrue(e.offset() >= 0, e.getMessage());
        }
    }

    @Test
    void aWrongMagicIsRefusedAtOffsetZero() throws Exception {
        Path dir = copySnapshot(ZkCompression.NONE);
        Path snap = snapshot(dir);
        try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("ZKLG".getBytes()), 0);
        }
        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> load(dir));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void theServerRefusesToStartAndChangesNothing() throws Exception {
        Path dir = copy(ZkCompression.NONE);
        flip(snapshot(dir), 200);
        Map<String, String> before = MigrationFixture.fingerprint(dir);
        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> MigrationFixture.startPaddock(dir, null, 0));
        assertTrue(e.getMessage().contains(snapshot(dir).toString()), e.getMessage());
        assertEquals(before, MigrationFixture.fingerprint(dir));
        assertFalse(Files.exists(dir.resolve("paddock")));
        assertFalse(Files.exists(dir.resolve("paddock.importing")));
    }

    @Test
    void aTornLogTailIsReadUpToAsZooKeeperReadsIt() throws Exception {
        Path dir = copy(ZkCompression.NONE);
        Path last = lastLog(dir);
        long end = dataEnd(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(end - 7); // the last record loses its tail
        }
        ZooKeeperImporter.Result r = load(dir);
        assertEquals(1, r.report().tornTails().size(), r.report().lines().toString());
        assertTrue(r.report().tornTails().get(0).startsWith(last.toString()));
        Path oracleDir = tmp.resolve("oracle");
        MigrationFixture.copyTree(dir, oracleDir);
        ZooKeeperOracle.Restored zk = ZooKeeperOracle.restore(oracleDir, oracleDir);
        assertNull(ZnodeDump.firstDifference(zk.nodes(), ZooKeeperOracle.dump(r.tree())));
        assertEquals(zk.zxid(), r.tree().lastProcessedZxid());
        assertEquals(load(copy(ZkCompression.NONE)).tree().lastProcessedZxid() - 1,
                r.tree().lastProcessedZxid(), "the torn txn is not applied");
    }

    @Test
    void aTornTailInPreallocatedZerosIsReadUpTo() throws Exception {
        Path dir = copy(ZkCompression.NONE);
        Path last = lastLog(dir);
        long end = dataEnd(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(9), end - 9); // the write never reached the disk whole
        }
        ZooKeeperImporter.Result r = load(dir);
        assertEquals(1, r.report().tornTails().size());
        assertEquals(load(copy(ZkCompression.NONE)).tree().lastProcessedZxid() - 1,
                r.tree().lastProcessedZxid());
    }

    @Test
    void damageInTheMiddleOfALogIsRefusedWithFileAndOffset() throws Exception {
        Path dir = copy(ZkCompression.NONE);
        Path first = ZooKeeperDataDir.of(dir, dir).logsOldestFirst().get(0);
        flip(first, ZkLogReader.HEADER_SIZE + 12 + 20); // inside the first record's payload
        Map<String, String> before = MigrationFixture.fingerprint(dir);
        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> load(dir));
        assertEquals(first, e.file());
        assertEquals(ZkLogReader.HEADER_SIZE, e.offset());
        assertTrue(e.getMessage().contains("valid records follow"), e.getMessage());
        assertEquals(before, MigrationFixture.fingerprint(dir));
    }

    @Test
    void logsWithoutASnapshotAreRefusedAsZooKeeperRefusesThem() throws Exception {
        Path dir = copy(ZkCompression.NONE);
        Files.delete(snapshot(dir));
        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> load(dir));
        assertTrue(e.getMessage().contains("no snapshot"), e.getMessage());
    }

    private static Path lastLog(Path dir) throws IOException {
        List<Path> logs = ZooKeeperDataDir.of(dir, dir).logsOldestFirst();
        return logs.get(logs.size() - 1);
    }

    /** The end of the last record: ZooKeeper preallocates zeros after it. */
    private static long dataEnd(Path log) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(log));
        int offset = ZkLogReader.HEADER_SIZE;
        while (offset + 12 <= b.limit() && b.getInt(offset + 8) > 0) {
            offset += 8 + 4 + b.getInt(offset + 8) + 1;
        }
        return offset;
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5A);
        }
    }
}
