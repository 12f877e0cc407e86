package io.paddock.storage.recovery;

import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.LogRecordCodec;
import io.paddock.storage.log.LogSegment;
import io.paddock.storage.log.LogTruncation;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a txn log directory before the log is opened, and repairs what a crash can leave.
 *
 * <p>First, a truncation ({@link io.paddock.storage.log.TxnLog#truncateAfter}) that a crash
 * interrupted is finished: its marker file says it was decided (see {@link LogTruncation}).
 *
 * <p>Rules: a segment is read record by record until the zero-filled end of its data. Damage
 * (a partial record, a bad length, a CRC mismatch, a zxid out of order, a bad header) with no
 * valid record anywhere after it is a torn tail, as a crash mid-write leaves: the segment is
 * truncated there and any later segments deleted, each with a log line naming the file and
 * offset. Damage with valid records after it cannot come from a crash, and those records may
 * be acknowledged txns, so recovery stops with a {@link StorageCorruptionException} naming the
 * file, offset and zxid, unless the operator chose {@link CorruptionPolicy#TRUNCATE}.
 *
 * <p>Not thread-safe: run once, before anything else opens the directory.
 */
public final class LogRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** Recovers the directory (creating it if missing) and opens the log for appending. */
    public static FileTxnLog open(Path dir, FileTxnLogOptions options, CorruptionPolicy policy)
            throws IOException {
        Files.createDirectories(dir);
        long started = System.nanoTime();
        RecoveredLog recovered = recover(dir, policy);
        LOG.info("checked {} txn log segment(s) in {} up to zxid 0x{} in {} ms",
                recovered.segments().size(), dir, Long.toHexString(recovered.lastZxid()),
                (System.nanoTime() - started) / 1_000_000);
        return new FileTxnLog(dir, recovered.segments(), options);
    }

    /** Checks and repairs the segments in {@code dir}; see the class comment for the rules. */
    public static RecoveredLog recover(Path dir, CorruptionPolicy policy) throws IOException {
        return check(dir, policy, true);
    }

    /**
     * Checks the segments in {@code dir} as {@link #recover} does but changes nothing: a torn
     * tail is reported and left in place, and the segments returned end at their last valid
     * record, which is where a reader stops. For tools that read a data directory.
     *
     * @throws StorageCorruptionException for damage in the middle, as {@link CorruptionPolicy#REFUSE}
     */
    public static RecoveredLog inspect(Path dir) throws IOException {
        return check(dir, CorruptionPolicy.REFUSE, false);
    }

    private static RecoveredLog check(Path dir, CorruptionPolicy policy, boolean repair)
            throws IOException {
        // A truncation interrupted by a crash is finished before anything reads the segments;
        // a read-only inspection leaves the marker for the next real recovery.
        boolean finishedTruncation = repair && LogTruncation.in(dir)
                .completePending(segmentFiles(dir), policy == CorruptionPolicy.TRUNCATE)
                .isPresent();
        List<Path> files = segmentFiles(dir);
        List<LogSegment> valid = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long first = LogRecordCodec.segmentZxid(file.getFileName().toString());
            SegmentScan scan;
            boolean validAfter;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                MappedByteBuffer data = map(ch, file);
                scan = SegmentScanner.scan(data, first, last);
                SegmentScan.Problem p = scan.problem() != null ? scan.problem()
                        : scan.records() == 0 ? new SegmentScan.Problem(
                                LogRecordCodec.SEGMENT_HEADER_SIZE, first, "no records") : null;
                if (p == null) {
                    valid.add(new LogSegment(file, first, scan.lastZxid(), scan.validEnd()));
                    last = scan.lastZxid();
                    continue;
                }
                long lastGood = scan.lastZxid();
                validAfter = SegmentScanner.validRecordFrom(data, (int) p.offset() + 1, lastGood)
                        || laterSegmentHasRecords(files.subList(i + 1, files.size()), lastGood);
                scan = new SegmentScan(scan.records(), scan.lastZxid(), scan.validEnd(), p);
            }
            if (!repair) {
                refuseIfValidAfter(file, scan, validAfter);
                if (scan.records() > 0) {
                    valid.add(new LogSegment(file, first, scan.lastZxid(), scan.validEnd()));
                    last = scan.lastZxid();
                }
                return new RecoveredLog(valid, last, false);
            }
            repair(file, scan, validAfter, policy, scan.lastZxid());
            if (scan.records() > 0) {
                valid.add(new LogSegment(file, first, scan.lastZxid(), scan.validEnd()));
                last = scan.lastZxid();
            }
            for (Path later : files.subList(i + 1, files.size())) {
                LOG.warn("deleting txn log segment {}: it follows the truncation point", later);
                Files.delete(later);
            }
            return new RecoveredLog(valid, last, true);
        }
        return new RecoveredLog(valid, last, finishedTruncation);
    }

    /** The segment files in the directory, by first zxid. */
    public static List<Path> segmentFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> LogRecordCodec.segmentZxid(p.getFileName().toString()) > 0)
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparingLong(
                            p -> LogRecordCodec.segmentZxid(p.getFileName().toString())))
                    .toList();
        }
    }

    private static void refuseIfValidAfter(Path file, SegmentScan scan, boolean validAfter) {
        SegmentScan.Problem p = scan.problem();
        if (validAfter) {
            throw new StorageCorruptionException(file, p.offset(), p.zxid(), p.reason()
                    + ", and valid records follow it, so it is not a torn tail; the last good"
                    + " zxid before it is 0x" + Long.toHexString(scan.lastZxid()));
        }
        LOG.info("txn log segment {} has a torn tail at offset {}: {} (left as it is)", file,
                p.offset(), p.reason());
    }

    private static void repair(Path file, SegmentScan scan, boolean validAfter,
            CorruptionPolicy policy, long lastValid) throws IOException {
        SegmentScan.Problem p = scan.problem();
        String where = file + " at offset " + p.offset()
                + (p.zxid() >= 0 ? " (zxid 0x" + Long.toHexString(p.zxid()) + ")" : "");
        if (validAfter) {
            if (policy == CorruptionPolicy.REFUSE) {
                throw new StorageCorruptionException(file, p.offset(), p.zxid(), p.reason()
                        + ", and valid records follow it, so it is not a torn tail; the last"
                        + " good zxid before it is 0x" + Long.toHexString(lastValid)
                        + ". To drop everything from here on, run the log repair tool with"
                        + " --truncate-at-corruption");
            }
            LOG.warn("truncating the txn log at damaged record in {} on request: {};"
                    + " every later txn is dropped", where, p.reason());
        } else {
            LOG.info("truncating torn tail of txn log segment {}: {}", where, p.reason());
        }
        if (scan.records() == 0) {
            Files.delete(file);
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(p.offset());
            ch.force(true);
        }
    }

    private static boolean laterSegmentHasRecords(List<Path> later, long afterZxid)
            throws IOException {
        for (Path file : later) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (SegmentScanner.validRecordFrom(map(ch, file), 0, afterZxid)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MappedByteBuffer map(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE) {
            throw new StorageCorruptionException(file, Integer.MAX_VALUE, -1,
                    "a segment larger than 2 GiB is not one this server wrote");
        }
        return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
}
