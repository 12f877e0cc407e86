package io.paddock.storage.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.LogRecordCodec;
import io.paddock.storage.log.Txn;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.snapshot.SnapshotSource;
import io.paddock.storage.snapshot.SnapshotStore;
import io.paddock.testing.FuzzInputs;
import io.paddock.testing.FuzzWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzes what storage reads back from disk: the log record codec, log recovery and reading a
 * recovered log, and the snapshot loader. Damaged bytes give {@link StorageCorruptionException}
 * (or, for the codec, a non-VALID status), never another exception, never an allocation that a
 * length field asked for, never a hang.
 *
 * <p>Snapshot inputs come twice: as mutated, which the checksum catches before any parsing, and
 * as mutated with the checksum made to match again, which reaches the body's reader (and the
 * LZ4 decompressor) with garbage.
 */
class StorageReadersFuzzTest {
    /** Recovery maps the file and checks records in place; the snapshot loader reads in 256 KiB. */
    private static final long ALLOCATION_FIXED = 4L << 20;
    private static final long ALLOCATION_PER_BYTE = 64;
    private static final int SNAPSHOT_HEADER = 16;
    private static final int SNAPSHOT_TRAILER = 16;

    private final FuzzWorker worker = new FuzzWorker();
    private Path dir;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("storage-fuzz");
    }

    @AfterProperty
    void cleanUp() throws IOException {
        worker.report();
        worker.close();
        deleteTree(dir);
    }

    @Property
    void logRecordCodecOnArbitraryBytes(@ForAll("anyBytes") byte[] bytes) {
        check("log record codec, arbitrary bytes", bytes, () -> decodeAll(bytes));
    }

    @Property
    void logRecordCodecOnMutatedRecords(@ForAll("mutatedSegment") byte[] bytes) {
        check("log record codec, mutated records", bytes, () -> decodeAll(bytes));
    }

    @Property
    void logRecoveryOnMutatedSegments(@ForAll("mutatedSegment") byte[] bytes) throws IOException {
        Path logDir = fresh("log");
        Files.write(logDir.resolve(LogRecordCodec.segmentName(1)), bytes);
        check("log recovery and read-back, mutated segments", bytes,
                () -> recoverAndRead(logDir));
    }

    @Property
    void logRecoveryOnArbitraryBytes(@ForAll("anyBytes") byte[] bytes) throws IOException {
        Path logDir = fresh("log");
        Files.write(logDir.resolve(LogRecordCodec.segmentName(1)), bytes);
        check("log recovery, arbitrary bytes", bytes, () -> recoverAndRead(logDir));
    }

    @Property
    void snapshotLoaderOnMutatedFiles(@ForAll("mutatedSnapshot") byte[] bytes,
            @ForAll boolean fixChecksum) throws IOException {
        byte[] file = fixChecksum ? withValidChecksum(bytes) : bytes;
        Path snapDir = fresh("snap");
        Files.write(snapDir.resolve("snapshot.5"), file);
        check("snapshot loader, mutated files", file, () -> load(snapDir));
    }

    @Example
    void aRecordLengthOfTwoToTheThirtyOneIsABadLengthNotAnAllocation() {
        byte[] bytes = new byte[32];
        ByteBuffer.wrap(bytes).putInt(0, Integer.MAX_VALUE).putLong(4, 1);
        check("huge record length", bytes, () -> {
            LogRecordCodec.Decoded d = LogRecordCodec.decode(ByteBuffer.wrap(bytes), 0);
            assertTrue(d.status() == LogRecordCodec.Status.BAD_LENGTH, d.toString());
            return d;
        });
    }

    /**
     * Found by this test: an LZ4 block header claiming a compressed length near 2^31 made
     * lz4-java's LZ4BlockInputStream allocate 1.19 GB for a 102-byte snapshot (this is it
     * shrunk to 96 bytes).
     */
    @Example
    void anLz4BlockHeaderCannotMakeTheLoaderAllocateWhatItClaims() throws IOException {
        byte[] found = HexFormat.of().parseHex("50444b530101000000000000000000054c5a3442"
                + "6c6f636b265900636b2659000000960000000647c30d716e6f64652030200700123107001232"
                + "0700123307001234070012350700123607001237070012380700123907001431470003480013");
        byte[] file = withValidChecksum(found);
        Path snapDir = fresh("snap");
        Files.write(snapDir.resolve("snapshot.5"), file);
        check("LZ4 block header regression", file, () -> load(snapDir));
        org.junit.jupiter.api.Assertions.assertThrows(StorageCorruptionException.class,
                () -> load(snapDir));
    }

    private void check(String property, byte[] input, Callable<?> parse) {
        FuzzWorker.Outcome o = worker.run(property, parse);
        if (o.thrown() != null && !(o.thrown() instanceof StorageCorruptionException)) {
            throw new AssertionError(property + " threw " + o.thrown() + " on "
                    + HexFormat.of().formatHex(input), o.thrown());
        }
        long bound = ALLOCATION_FIXED + ALLOCATION_PER_BYTE * input.length;
        if (o.allocatedBytes() > bound) {
            long again = worker.run(property, parse).allocatedBytes();
            assertTrue(again <= bound, () -> property + " allocated " + again + " bytes for "
                    + input.length + " input bytes (bound " + bound + ")");
        }
    }

    private static int decodeAll(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int offset = LogRecordCodec.SEGMENT_HEADER_SIZE;
        int records = 0;
        while (offset < bytes.length) {
            LogRecordCodec.Decoded d = LogRecordCodec.decode(in, offset);
            if (d.status() != LogRecordCodec.Status.VALID) {
                break;
            }
            Invariant.check(d.next() > offset, "the codec moves forward");
            offset = d.next();
            records++;
        }
        return records;
    }

    private static long recoverAndRead(Path logDir) throws IOException {
        long count = 0;
        try (FileTxnLog log = LogRecovery.open(logDir, FileTxnLogOptions.defaults()
                .withPreAllocSize(4096), CorruptionPolicy.REFUSE)) {
            for (Iterator<Txn> it = log.readFrom(0); it.hasNext(); it.next()) {
                count++;
            }
        }
        return count;
    }

    private static long load(Path snapDir) throws IOException {
        return new SnapshotStore(snapDir, false).loadNewest((zxid, body) -> countBytes(body))
                .map(s -> s.state()).orElse(-1L);
    }

    private static long countBytes(InputStream body) throws IOException {
        byte[] chunk = new byte[4096];
        long total = 0;
        for (int n; (n = body.read(chunk)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** Rewrites the trailer so the file's checksum and length match what it now holds. */
    private static byte[] withValidChecksum(byte[] bytes) {
        if (bytes.length < SNAPSHOT_HEADER + SNAPSHOT_TRAILER) {
            return bytes;
        }
        byte[] b = bytes.clone();
        int end = b.length - SNAPSHOT_TRAILER;
        CRC32C crc = new CRC32C();
        crc.update(b, 0, end);
        ByteBuffer.wrap(b).putLong(end, end - SNAPSHOT_HEADER).putInt(end + 8,
                (int) crc.getValue()).putInt(end + 12, 0x50444B45);
        return b;
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return FuzzInputs.bytes(512);
    }

    @Provide
    Arbitrary<byte[]> mutatedSegment() {
        return FuzzInputs.mutated(validSegment(), 4);
    }

    @Provide
    Arbitrary<byte[]> mutatedSnapshot() {
        return Arbitraries.of(validSnapshot(false), validSnapshot(true))
                .flatMap(s -> FuzzInputs.mutated(s, 4));
    }

    private Path fresh(String name) throws IOException {
        Path p = dir.resolve(name);
        deleteTree(p);
        return Files.createDirectories(p);
    }

    /** A segment of a few txns as FileTxnLog writes it, its zero-filled tail cut off. */
    private static byte[] validSegment() {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("segment-seed");
            try (FileTxnLog log = LogRecovery.open(tmp, FileTxnLogOptions.defaults()
                    .withPreAllocSize(4096), CorruptionPolicy.REFUSE)) {
                for (long z = 1; z <= 4; z++) {
                    log.append(new Txn(z, (int) z, ("txn " + z).getBytes()));
                }
                log.flush();
            }
            return Files.readAllBytes(tmp.resolve(LogRecordCodec.segmentName(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static byte[] validSnapshot(boolean compress) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("snapshot-seed");
            Path file = new SnapshotStore(tmp, compress).write(new SnapshotSource() {
                @Override
                public long zxid() {
                    return 5;
                }

                @Override
                public void writeTo(java.io.OutputStream out) throws IOException {
                    for (int i = 0; i < 20; i++) {
                        out.write(("node " + i + " ").getBytes());
                    }
                }
            });
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks inside a parse, reported as the AssertionError it is. */
    private static final class Invariant {
        static void check(boolean ok, String what) {
            if (!ok) {
                throw new AssertionError(what);
            }
        }
    }

}
