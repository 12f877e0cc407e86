package io.paddock.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot that cannot be written (the disk fills up halfway through the body) leaves the
 * previous snapshots as they were: the failure reaches the caller, the temporary file is gone,
 * and the newest earlier snapshot still loads.
 */
class SnapshotWriteFailureTest {
    @TempDir
    Path dir;

    private static SnapshotSource source(long zxid, byte[] body, int failAfter) {
        return new SnapshotSource() {
            @Override
            public long zxid() {
                return zxid;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                if (failAfter < 0) {
                    out.write(body);
                    return;
                }
                out.write(body, 0, failAfter);
                out.flush();
                throw new IOException("No space left on device");
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFailedSnapshotLeavesThePreviousOnesIntact(boolean compress) throws IOException {
        SnapshotStore store = new SnapshotStore(dir, compress);
        byte[] older = "older state".repeat(1000).getBytes();
        byte[] newer = "newer state".repeat(1000).getBytes();
        Path first = store.write(source(0x10, older, -1));
        Path second = store.write(source(0x20, newer, -1));
        byte[] secondBytes = Files.readAllBytes(second);

        IOException e = assertThrows(IOException.class,
                () -> store.write(source(0x30, new byte[1 << 20], 300_000)));
        assertEquals("No space left on device", e.getMessage());

        assertEquals(List.of(first, second), store.snapshots());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(),
                    "the failed temporary file is removed");
        }
        assertArrayEquals(secondBytes, Files.readAllBytes(second), "untouched");
        LoadedSnapshot<byte[]> loaded = store.loadNewest((zxid, in) -> in.readAllBytes())
                .orElseThrow();
        assertEquals(0x20, loaded.zxid());
        assertArrayEquals(newer, loaded.state());
    }
}
