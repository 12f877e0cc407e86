package io.paddock.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.testing.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotStoreTest {
    private static final SnapshotReader<byte[]> READ_ALL = (zxid, in) -> in.readAllBytes();

    @TempDir
    Path dir;

    private final LogCapture logs = new LogCapture(SnapshotStore.class);

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    private static SnapshotSource source(long zxid, byte[] body) {
        return new SnapshotSource() {
            @Override
            public long zxid() {
                return zxid;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(body);
            }
        };
    }

    private static byte[] body(int seed, int size) {
        byte[] b = new byte[size];
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (r.nextInt(16) + 'a');
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesAndReadsBackTheNewestSnapshot(boolean compress) throws Exception {
        SnapshotStore store = new SnapshotStore(dir, compress);
        store.write(source(0x10, body(1, 1000)));
        Path newest = store.write(source(0x20, body(2, 300_000)));

        LoadedSnapshot<byte[]> loaded = store.loadNewest(READ_ALL).orElseThrow();

        assertEquals(dir.resolve("snapshot.20"), newest);
        assertEquals(0x20, loaded.zxid());
        assertEquals(newest, loaded.file());
        assertArrayEquals(body(2, 300_000), loaded.state());
        assertEquals(compress ? 1 : 0, Files.readAllBytes(newest)[5], "flags byte");
    }

    @Test
    void compressionShrinksACompressibleBody() throws Exception {
        Path plain = new SnapshotStore(dir.resolve("plain"), false).write(source(1, body(3, 100_000)));
        Path lz4 = new SnapshotStore(dir.resolve("lz4"), true).write(source(1, body(3, 100_000)));

        assertTrue(Files.size(lz4) < Files.size(plain), Files.size(lz4) + " vs " + Files.size(plain));
    }

    @Test
    void noSnapshotsLoadsNothing() throws Exception {
        assertEquals(Optional.empty(), new SnapshotStore(dir, false).loadNewest(READ_ALL));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFlippedByteAnywhereFallsBackToThePreviousSnapshot(boolean compress) throws Exception {
        SnapshotStore store = new SnapshotStore(dir, compress);
        store.write(source(0x10, body(1, 200)));
        Path newest = store.write(source(0x20, body(2, 200)));
        byte[] original = Files.readAllBytes(newest);
        for (int at = 0; at < original.length; at++) {
            byte[] bad = original.clone();
            bad[at] ^= 0x21;
            Files.write(newest, bad);
            logs.clear();

            LoadedSnapshot<byte[]> loaded = store.loadNewest(READ_ALL).orElseThrow();

            assertEquals(0x10, loaded.zxid(), "byte " + at);
            assertArrayEquals(body(1, 200), loaded.state());
            assertTrue(logs.contains("damaged", newest.toString()), logs.messages().toString());
        }
    }

    @Test
    void aCutSnapshotFallsBack() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, false);
        store.write(source(0x10, body(1, 200)));
        Path newest = store.write(source(0x20, body(2, 5000)));
        byte[] whole = Files.readAllBytes(newest);
        for (int cut : new int[] {0, 10, 16, 100, whole.length - 1}) {
            Files.write(newest, java.util.Arrays.copyOf(whole, cut));

            assertEquals(0x10, store.loadNewest(READ_ALL).orElseThrow().zxid(), "cut " + cut);
        }
    }

    @Test
    void refusesWhenNoSnapshotIsValid() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, false);
        Path only = store.write(source(0x10, body(1, 200)));
        byte[] bad = Files.readAllBytes(only);
        bad[40] ^= 1;
        Files.write(only, bad);

        StorageCorruptionException e = assertThrows(StorageCorruptionException.class,
                () -> store.loadNewest(READ_ALL));
        assertEquals(only, e.file());
        assertTrue(e.getMessage().contains("no valid snapshot"), e.getMessage());
    }

    @Test
    void aReaderThatFailsOnAVerifiedSnapshotFallsBackToo() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, false);
        store.write(source(0x10, body(1, 10)));
        store.write(source(0x20, body(2, 10)));

        LoadedSnapshot<Long> loaded = store.loadNewest((zxid, in) -> {
            if (zxid == 0x20) {
                throw new IOException("cannot parse");
            }
            return zxid;
        }).orElseThrow();

        assertEquals(0x10L, loaded.state());
    }

    @Test
    void leftoverTemporaryFilesAreDeletedAndNeverLoaded() throws Exception {
        Files.write(dir.resolve("snapshot.30.tmp"), new byte[] {1, 2, 3});
        SnapshotStore store = new SnapshotStore(dir, false);
        store.write(source(0x10, body(1, 10)));

        assertEquals(List.of(dir.resolve("snapshot.10")), store.snapshots());
        assertTrue(Files.notExists(dir.resolve("snapshot.30.tmp")));
    }

    @Test
    void aReadOnlyStoreLoadsButDeletesAndWritesNothing() throws Exception {
        new SnapshotStore(dir, false).write(source(0x10, body(1, 10)));
        Files.write(dir.resolve("snapshot.30.tmp"), new byte[] {1, 2, 3});
        SnapshotStore store = SnapshotStore.readOnly(dir);

        assertArrayEquals(body(1, 10), store.loadNewest(READ_ALL).orElseThrow().state());
        assertTrue(Files.exists(dir.resolve("snapshot.30.tmp")), "leftovers left alone");
        assertThrows(IllegalStateException.class, () -> store.write(source(0x40, body(2, 5))));
        assertTrue(Files.notExists(dir.resolve("snapshot.40")));
        assertTrue(SnapshotStore.readOnly(dir.resolve("missing")).loadNewest(READ_ALL).isEmpty());
        assertTrue(Files.notExists(dir.resolve("missing")), "nothing created");
    }

    @Test
    void aSourceThatFailsLeavesNoFile() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, false);
        SnapshotSource failing = new SnapshotSource() {
            @Override
            public long zxid() {
                return 5;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(1);
                throw new IOException("disk full");
            }
        };

        assertThrows(IOException.class, () -> store.write(failing));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
