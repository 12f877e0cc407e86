package io.paddock.storage.snapshot;

import io.paddock.storage.DirectorySync;
import io.paddock.storage.StorageCorruptionException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import net.jpountz.lz4.LZ4BlockOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshot files in one directory; the layout is in {@link SnapshotFormat}.
 *
 * <p>A snapshot is written to a temporary file, fsynced, renamed into place and the directory
 * fsynced, so a crash leaves either the whole snapshot or none under its final name. Loading
 * takes the newest snapshot whose checksum matches, falling back to older ones with a log line;
 * if snapshots exist and none is valid, it refuses.
 *
 * <p>Thread-safe: writes go to distinct temporary files; {@link #write} is meant for one snapshot
 * thread and loading for start-up.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final int IO_BUFFER = 256 << 10;

    private final Path dir;
    private final boolean compress;
    private final boolean writable;

    /**
     * @param dir the snapshot directory, created if missing; leftover temporary files from a
     *     crash mid-snapshot are deleted
     * @param compress whether new snapshots are LZ4-compressed (reading handles both)
     */
    public SnapshotStore(Path dir, boolean compress) throws IOException {
        this(dir, compress, true);
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(SnapshotStore::isTemp).toList()) {
                LOG.info("deleting unfinished snapshot {}", p);
                Files.delete(p);
            }
        }
    }

    private SnapshotStore(Path dir, boolean compress, boolean writable) {
        this.dir = dir;
        this.compress = compress;
        this.writable = writable;
    }

    /**
     * A store that only loads: it creates nothing and deletes no leftover temporary file, so a
     * tool may read a data directory without changing it. {@link #write} refuses.
     */
    public static SnapshotStore readOnly(Path dir) {
        return new SnapshotStore(dir, false, false);
    }

    public Path directory() {
        return dir;
    }

    /** Writes a snapshot of the source and returns its file once it is durable. */
    public Path write(SnapshotSource source) throws IOException {
        if (!writable) {
            throw new IllegalStateException("the snapshot store in " + dir + " is read-only");
        }
        long zxid = source.zxid();
        Path target = dir.resolve(SnapshotFormat.fileName(zxid));
        Path temp = dir.resolve(SnapshotFormat.fileName(zxid) + SnapshotFormat.TEMP_SUFFIX);
        long started = System.nanoTime();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            CrcCountingStream file = new CrcCountingStream(Channels.newOutputStream(ch));
            file.write(SnapshotFormat.header(zxid, compress).array());
            long bodyStart = file.count;
            OutputStream body = compress
                    ? new LZ4BlockOutputStream(new Unclosable(file), 1 << 16)
                    : new Unclosable(file);
            try (OutputStream buffered = new BufferedOutputStream(body, IO_BUFFER)) {
                source.writeTo(buffered);
            }
            ByteBuffer trailer = SnapshotFormat.trailer(file.count - bodyStart,
                    (int) file.crc.getValue());
            while (trailer.hasRemaining()) {
                ch.write(trailer);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.fsync(dir);
        LOG.info("wrote snapshot {} ({} bytes{}) in {} ms", target, Files.size(target),
                compress ? ", lz4" : "", (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    /**
     * Reads the newest valid snapshot, falling back to older ones when a newer one is damaged.
     *
     * @return empty if there is no snapshot at all
     * @throws StorageCorruptionException if snapshots exist and none is valid
     */
    public <T> Optional<LoadedSnapshot<T>> loadNewest(SnapshotReader<T> reader) throws IOException {
        List<Path> newestFirst = new ArrayList<>(snapshots());
        Collections.reverse(newestFirst);
        StorageCorruptionException firstDamage = null;
        for (Path file : newestFirst) {
            try {
                long zxid = verify(file);
                T state = read(file, zxid, reader);
                LOG.info("loaded snapshot {} (zxid 0x{})", file, Long.toHexString(zxid));
                return Optional.of(new LoadedSnapshot<>(file, zxid, state));
            } catch (StorageCorruptionException e) {
                LOG.warn("snapshot {} is damaged, trying an older one: {}", file, e.getMessage());
                firstDamage = firstDamage == null ? e : firstDamage;
            }
        }
        if (firstDamage != null) {
            throw new StorageCorruptionException(firstDamage.file(), firstDamage.offset(),
                    firstDamage.zxid(), "no valid snapshot among " + newestFirst.size()
                    + " in " + dir + "; the newest fails with: " + firstDamage.getMessage());
        }
        return Optional.empty();
    }

    /** The snapshot files, oldest first. */
    public List<Path> snapshots() throws IOException {
        return list(dir);
    }

    /** The snapshot files in a directory, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> zxidOf(p) >= 0).filter(Files::isRegularFile)
                    .sorted(Comparator.comparingLong(SnapshotStore::zxidOf)).toList();
        }
    }

    /** The zxid in a snapshot file's name, or -1 if it is not a snapshot file. */
    public static long zxidOf(Path file) {
        return SnapshotFormat.zxidOf(file.getFileName().toString());
    }

    /**
     * Checks header, trailer and checksum before anything parses the body, so damage can never
     * make the reader act on garbage (such as a huge length). Returns the snapshot's zxid.
     */
    static long verify(Path file) throws IOException {
        long nameZxid = zxidOf(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < SnapshotFormat.HEADER_SIZE + SnapshotFormat.TRAILER_SIZE) {
                throw new StorageCorruptionException(file, size, nameZxid, "too short");
            }
            ByteBuffer header = readFully(ch, 0, SnapshotFormat.HEADER_SIZE);
            checkHeader(file, header, nameZxid);
            ByteBuffer trailer = readFully(ch, size - SnapshotFormat.TRAILER_SIZE,
                    SnapshotFormat.TRAILER_SIZE);
            long bodyLength = size - SnapshotFormat.HEADER_SIZE - SnapshotFormat.TRAILER_SIZE;
            if (trailer.getInt(12) != SnapshotFormat.END_MAGIC || trailer.getLong(0) != bodyLength) {
                throw new StorageCorruptionException(file, size - SnapshotFormat.TRAILER_SIZE,
                        nameZxid, "bad trailer (an unfinished or cut snapshot)");
            }
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocateDirect(IO_BUFFER);
            long position = 0;
            long end = size - SnapshotFormat.TRAILER_SIZE;
            while (position < end) {
                chunk.clear().limit((int) Math.min(IO_BUFFER, end - position));
                int n = ch.read(chunk, position);
                if (n < 0) {
                    throw new StorageCorruptionException(file, position, nameZxid, "short read");
                }
                position += n;
                crc.update(chunk.flip());
            }
            if ((int) crc.getValue() != trailer.getInt(8)) {
                throw new StorageCorruptionException(file, 0, nameZxid,
                        "checksum mismatch over header and body");
            }
            return nameZxid;
        }
    }

    private static void checkHeader(Path file, ByteBuffer header, long nameZxid) {
        if (header.getInt(0) != SnapshotFormat.MAGIC) {
            throw new StorageCorruptionException(file, 0, nameZxid, "bad magic");
        }
        if (header.get(4) != SnapshotFormat.VERSION) {
            throw new StorageCorruptionException(file, 4, nameZxid,
                    "unknown snapshot format version " + header.get(4));
        }
        if ((header.get(5) & ~SnapshotFormat.FLAG_LZ4) != 0) {
            throw new StorageCorruptionException(file, 5, nameZxid,
                    "unknown flags 0x" + Integer.toHexString(header.get(5) & 0xff));
        }
        if (header.getLong(8) != nameZxid) {
            throw new StorageCorruptionException(file, 8, nameZxid,
                    "header zxid 0x" + Long.toHexString(header.getLong(8)) + " differs from the name");
        }
    }

    private static <T> T read(Path file, long zxid, SnapshotReader<T> reader) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = readFully(ch, 0, SnapshotFormat.HEADER_SIZE);
            boolean compressed = (header.get(5) & SnapshotFormat.FLAG_LZ4) != 0;
            long bodyLength = ch.size() - SnapshotFormat.HEADER_SIZE - SnapshotFormat.TRAILER_SIZE;
            ch.position(SnapshotFormat.HEADER_SIZE);
            InputStream raw = new BoundedInputStream(Channels.newInputStream(ch), bodyLength);
            InputStream body = new BufferedInputStream(
                    compressed ? new Lz4BlockReader(raw) : raw, IO_BUFFER);
            return reader.read(zxid, body);
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so this is a reader that cannot parse what a writer wrote.
            throw new StorageCorruptionException(file, -1, zxid,
                    "the body does not parse: " + e);
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static boolean isTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(SnapshotFormat.PREFIX) && name.endsWith(SnapshotFormat.TEMP_SUFFIX);
    }

    /** Counts and checksums what passes through. */
    private static final class CrcCountingStream extends FilterOutputStream {
        final CRC32C crc = new CRC32C();
        long count;

        CrcCountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }
    }

    /** Lets the body's stream chain be closed (which finishes LZ4) without closing the file. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
