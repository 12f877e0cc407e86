package io.paddock.storage.log;

import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes every record after a zxid from a segment directory (ZAB's TRUNC) so that a crash at any
 * point leaves either the whole old log or the truncated one, never something in between.
 *
 * <p>The steps, each durable before the next starts:
 * <ol>
 *   <li>read only: find the cut, the offset just after the last record at or below the zxid in
 *       the last segment whose first zxid is at or below it ({@link #plan});
 *   <li>create the empty marker file {@code truncate.<hex zxid>} and fsync the directory. From
 *       here on the truncation is decided: recovery finishes it if the process dies;
 *   <li>delete every later segment, newest first;
 *   <li>truncate the cut segment at the offset and fsync it;
 *   <li>fsync the directory, so the deletions hold;
 *   <li>delete the marker and fsync the directory. Only then may appends reuse removed zxids:
 *       a marker left behind would otherwise cut them off at the next start.
 * </ol>
 * Every step can be repeated, so recovery finishing an interrupted truncation runs the same
 * plan and steps 3 to 6 on whatever the crash left.
 *
 * <p>Not thread-safe: the log's writer, or recovery before the log opens, uses it.
 */
public final class LogTruncation {
    /** Name prefix of the marker file; the hex zxid to truncate after follows it. */
    public static final String MARKER_PREFIX = "truncate.";
    private static final Logger LOG = LoggerFactory.getLogger(LogTruncation.class);

    private final Path dir;
    private final LogIo io;

    LogTruncation(Path dir, LogIo io) {
        this.dir = dir;
        this.io = io;
    }

    /** A truncation in {@code dir} with the JDK's file operations (for recovery). */
    public static LogTruncation in(Path dir) {
        return new LogTruncation(dir, LogIo.SYSTEM);
    }

    /**
     * What a truncation removes.
     *
     * @param zxid the last zxid kept
     * @param doomed the segments to delete, newest first
     * @param cutSegment the segment cut in place, or null if every segment goes
     * @param cutOffset where the cut segment ends afterwards
     * @param keptLastZxid the last zxid left in the log, 0 if none is
     */
    record Plan(long zxid, List<Path> doomed, Path cutSegment, long cutOffset, long keptLastZxid) {
    }

    /**
     * The zxid of a truncation a crash interrupted, if its marker is in the directory. With
     * several markers (which this class never leaves) the lowest wins: it removes the most.
     */
    public OptionalLong pending() throws IOException {
        OptionalLong lowest = OptionalLong.empty();
        for (Path marker : markers()) {
            long zxid = markerZxid(marker);
            if (lowest.isEmpty() || zxid < lowest.getAsLong()) {
                lowest = OptionalLong.of(zxid);
            }
        }
        return lowest;
    }

    /**
     * Finishes an interrupted truncation, if a marker asks for one, on the segments recovery
     * found. Throws {@link io.paddock.storage.StorageFailureException} if a step fails.
     *
     * @param segments the segment files, oldest first
     * @param cutAtDamage what to do with a damaged record before the cut: true cuts there,
     *     dropping everything after it; false throws {@link StorageCorruptionException}
     * @return the zxid truncated after, or empty if nothing was pending
     */
    public OptionalLong completePending(List<Path> segments, boolean cutAtDamage)
            throws IOException {
        OptionalLong pending = pending();
        if (pending.isPresent()) {
            long zxid = pending.getAsLong();
            LOG.warn("finishing the truncation of the txn log in {} after zxid 0x{} that a crash"
                    + " interrupted", dir, Long.toHexString(zxid));
            execute(plan(segments, zxid, cutAtDamage));
            clearMarkers();
        }
        return pending;
    }

    /**
     * Finds what a truncation after {@code zxid} removes, reading only.
     *
     * @param segments the segment files, oldest first
     */
    Plan plan(List<Path> segments, long zxid, boolean cutAtDamage) {
        List<Path> doomed = new ArrayList<>();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Path segment = segments.get(i);
            if (LogRecordCodec.segmentZxid(segment.getFileName().toString()) <= zxid) {
                Cut cut = LogIo.call(segment, "read", () -> findCut(segment, zxid));
                if (cut.damage() != null && !cutAtDamage) {
                    throw new StorageCorruptionException(segment, cut.offset(), cut.damageZxid(),
                            cut.damage() + ", before the end of the txns kept by a truncation"
                            + " after zxid 0x" + Long.toHexString(zxid) + ". To cut the log"
                            + " there, run the log repair tool with --truncate-at-corruption");
                }
                long kept = cut.lastKept() > 0 ? cut.lastKept() : 0;
                return new Plan(zxid, List.copyOf(doomed), segment, cut.offset(), kept);
            }
            doomed.add(segment);
        }
        return new Plan(zxid, List.copyOf(doomed), null, 0, 0);
    }

    /** Step 2: the marker that makes the truncation happen even if the process dies now. */
    void writeMarker(long zxid) {
        Path marker = dir.resolve(MARKER_PREFIX + Long.toHexString(zxid));
        FileChannel created = LogIo.call(marker, "create", () -> io.open(marker,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        LogIo.step(marker, "close", created::close);
        LogIo.step(dir, "fsync directory", () -> io.syncDirectory(dir));
    }

    /** Steps 3 to 5. */
    void execute(Plan plan) {
        for (Path doomed : plan.doomed()) {
            LogIo.step(doomed, "delete", () -> io.delete(doomed));
            LOG.info("truncation after zxid 0x{} deleted txn log segment {}",
                    Long.toHexString(plan.zxid()), doomed);
        }
        Path cut = plan.cutSegment();
        if (cut != null) {
            FileChannel ch = LogIo.call(cut, "open", () -> io.open(cut, StandardOpenOption.WRITE));
            try {
                LogIo.step(cut, "truncate", () -> ch.truncate(plan.cutOffset()));
                LogIo.step(cut, "fsync", () -> ch.force(true));
            } finally {
                closeQuietly(ch);
            }
        }
        LogIo.step(dir, "fsync directory", () -> io.syncDirectory(dir));
    }

    /** Step 6. */
    void clearMarkers() {
        List<Path> markers = LogIo.call(dir, "list", this::markers);
        for (Path marker : markers) {
            LogIo.step(marker, "delete", () -> io.delete(marker));
        }
        LogIo.step(dir, "fsync directory", () -> io.syncDirectory(dir));
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // The truncate and the fsync already succeeded or already failed; close adds nothing.
        }
    }

    private List<Path> markers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> markerZxid(p) >= 0).sorted().toList();
        }
    }

    private static long markerZxid(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(MARKER_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(name.substring(MARKER_PREFIX.length()), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Where the segment ends once the records after {@code zxid} are gone.
     *
     * @param offset the cut offset
     * @param lastKept the last zxid left in the segment, -1 if none
     * @param damage why reading stopped before the cut, or null
     * @param damageZxid the zxid the damaged record claims, -1 if unknown
     */
    private record Cut(long offset, long lastKept, String damage, long damageZxid) {
    }

    private static Cut findCut(Path segment, long zxid) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                return new Cut(0, -1, "a segment larger than 2 GiB", -1);
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            long first = LogRecordCodec.segmentZxid(segment.getFileName().toString());
            String header = LogRecordCodec.checkSegmentHeader(data, first);
            if (header != null) {
                return new Cut(0, -1, header, first);
            }
            return findCut(data, zxid);
        }
    }

    private static Cut findCut(ByteBuffer data, long zxid) {
        int offset = LogRecordCodec.SEGMENT_HEADER_SIZE;
        long last = -1;
        ByteBuffer view = data.duplicate();
        CRC32C crc = new CRC32C();
        while (true) {
            LogRecordCodec.Decoded d = LogRecordCodec.check(data, view, crc, offset);
            switch (d.status()) {
                case VALID -> {
                    if (d.zxid() <= last) {
                        return new Cut(offset, last, "zxid out of order", d.zxid());
                    }
                    if (d.zxid() > zxid) {
                        return new Cut(offset, last, null, -1);
                    }
                    last = d.zxid();
                    offset = d.next();
                }
                case END, SHORT -> {
                    return LogRecordCodec.allZero(data, offset) ? new Cut(offset, last, null, -1)
                            : new Cut(offset, last, "a partial record or non-zero bytes after"
                                    + " the end of the data", d.zxid());
                }
                default -> {
                    return new Cut(offset, last, "damaged record (" + d.status() + ")", d.zxid());
                }
            }
        }
    }
}
