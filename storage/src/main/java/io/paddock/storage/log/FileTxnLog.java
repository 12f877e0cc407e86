package io.paddock.storage.log;

import io.paddock.storage.Invariants;
import io.paddock.storage.StorageCorruptionException;
import io.paddock.storage.StorageFailureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TxnLog} in append-only segment files ({@code log.<hex first zxid>}) in one directory;
 * the layout is in {@link LogRecordCodec}. Open one through
 * {@code io.paddock.storage.recovery.LogRecovery}, which checks and repairs what is on disk first.
 *
 * <p>Appends go to a buffer; {@link #flush()} writes it and fsyncs once (group commit). Segments
 * grow in {@code preAllocSize} blocks of zeros, so an fsync rarely has to persist a new file
 * size; a segment is cut back to its records when the next one starts or the log closes. A new segment starts at the first append after {@link #rollLog()} (called once a
 * snapshot starts, so retention can drop whole segments), after the size limit, and after
 * opening.
 *
 * <p><b>Fail-stop.</b> Any I/O error in {@link #append}, {@link #flush} (write or fsync), a
 * segment roll or {@link #truncateAfter} fails the log for good: that call and every later append,
 * flush and truncation throw {@link StorageFailureException} naming the file and the operation,
 * nothing is retried, and {@link #lastFlushedZxid()} stays at the last fsync that succeeded. A
 * failed fsync may already have dropped the data it was to write while a retry reports success
 * ("fsyncgate"), so only a restart, whose recovery reads what is really on disk, may go on.
 *
 * <p><b>Truncation</b> ({@link #truncateAfter}) is crash-safe through a marker file; see
 * {@link LogTruncation}.
 *
 * <p>Thread-safe for one writer (append, flush, truncateAfter, close) and any number of readers
 * ({@link #readFrom}, the zxid getters, the counters); {@link #rollLog()} may be called from any
 * thread. Readers open the segment files themselves and stop at the flushed zxid they saw first.
 * The options' {@link FsyncListener} is called on the writer thread after each fsync.
 */
public final class FileTxnLog implements TxnLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileTxnLog.class);
    private static final int BUFFER_SIZE = 256 << 10;

    private final Path dir;
    private final FileTxnLogOptions options;
    private final LogIo io;
    private final LogTruncation truncation;
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final SparseIndex index = new SparseIndex();
    /** The first zxid of the segment being written, and the records appended since a mark. */
    private long currentSegment;
    private int sinceMark;
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong slowFsyncs = new AtomicLong();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private FileChannel channel;
    private Path segmentPath;
    private long writePosition;
    private long allocatedEnd;
    private volatile boolean rollRequested = true;
    private volatile long lastAppendedZxid;
    private volatile long lastFlushedZxid;
    private volatile long lastFsyncNanos;
    private volatile long bytesWritten;
    private volatile boolean closed;
    private volatile StorageFailureException failure;

    /**
     * A log over segments recovery has checked; new txns go to a new segment.
     *
     * @param recovered the valid segments in zxid order, as recovery left them
     */
    public FileTxnLog(Path dir, List<LogSegment> recovered, FileTxnLogOptions options) {
        this(dir, recovered, options, LogIo.SYSTEM);
    }

    /** The same, with the file operations a test may make fail. */
    FileTxnLog(Path dir, List<LogSegment> recovered, FileTxnLogOptions options, LogIo io) {
        this.dir = dir;
        this.options = options;
        this.io = io;
        this.truncation = new LogTruncation(dir, io);
        for (LogSegment s : recovered) {
            segments.put(s.firstZxid(), s.path());
            lastAppendedZxid = s.lastZxid();
        }
        lastFlushedZxid = lastAppendedZxid;
    }

    @Override
    public void append(Txn txn) {
        ensureWritable();
        if (txn.zxid() <= lastAppendedZxid) {
            throw new IllegalArgumentException("zxid 0x" + Long.toHexString(txn.zxid())
                    + " does not follow the last appended zxid 0x"
                    + Long.toHexString(lastAppendedZxid));
        }
        try {
            int size = LogRecordCodec.encodedSize(txn);
            if (rollRequested || channel == null
                    || writePosition + buffer.position() + size > options.segmentSizeLimit()) {
                startSegment(txn.zxid());
            }
            if (buffer.remaining() < size) {
                writeBuffer();
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocateDirect(size);
                }
            }
            if (++sinceMark >= SparseIndex.EVERY) {
                sinceMark = 0;
                index.mark(txn.zxid(), currentSegment, writePosition + buffer.position());
            }
            LogRecordCodec.encode(txn, buffer);
        } catch (StorageFailureException e) {
            throw fail(e);
        }
        lastAppendedZxid = txn.zxid();
    }

    @Override
    public void flush() {
        ensureWritable();
        long appended = lastAppendedZxid;
        if (appended == lastFlushedZxid) {
            return;
        }
        try {
            writeBuffer();
            if (options.forceSync()) {
                force();
            }
        } catch (StorageFailureException e) {
            throw fail(e);
        }
        lastFlushedZxid = appended;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Flushes first, then cuts the files as {@link LogTruncation} describes; if anything was
     * removed, the next append starts a new segment. Any I/O error fails the log (see the class comment); a restart then
     * finishes the truncation if its marker was written, else finds the old log.
     *
     * @throws StorageFailureException if the log has failed or fails now
     */
    @Override
    public void truncateAfter(long zxid) {
        ensureWritable();
        if (zxid < 0) {
            throw new IllegalArgumentException("cannot truncate after negative zxid " + zxid);
        }
        flush();
        if (zxid >= lastFlushedZxid) {
            return;
        }
        try {
            LogTruncation.Plan plan = truncation.plan(List.copyOf(segments.values()), zxid, false);
            Invariants.check(plan.cutSegment() == null || plan.keptLastZxid() > 0,
                    "the segment holding the cut keeps its first record");
            if (channel != null) {
                FileChannel open = channel;
                channel = null;
                LogIo.step(segmentPath, "close", open::close);
            }
            rollRequested = true;
            truncation.writeMarker(zxid);
            // Decided: new readers stop at the kept zxid and no longer look for removed segments.
            lastFlushedZxid = plan.keptLastZxid();
            lastAppendedZxid = plan.keptLastZxid();
            segments.tailMap(zxid, false).clear();
            index.truncateAfter(zxid);
            truncation.execute(plan);
            truncation.clearMarkers();
            LOG.info("truncated the txn log in {} after zxid 0x{}; it now ends at 0x{}", dir,
                    Long.toHexString(zxid), Long.toHexString(plan.keptLastZxid()));
        } catch (StorageFailureException e) {
            throw fail(e);
        } catch (StorageCorruptionException e) {
            throw fail(new StorageFailureException(e.file(), "truncate", e.getMessage(), e));
        }
    }

    @Override
    public long firstZxid() {
        Map.Entry<Long, Path> first = segments.firstEntry();
        return first == null ? 0 : first.getKey();
    }

    /** The failure that stopped this log, or empty while it works. */
    public Optional<StorageFailureException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Makes the next append start a new segment. Any thread may ask. */
    public void rollLog() {
        rollRequested = true;
    }

    @Override
    public long lastAppendedZxid() {
        return lastAppendedZxid;
    }

    @Override
    public long lastFlushedZxid() {
        return lastFlushedZxid;
    }

    @Override
    public Iterator<Txn> readFrom(long zxidExclusive) {
        long upTo = lastFlushedZxid;
        if (zxidExclusive >= upTo) {
            return Collections.emptyIterator();
        }
        Map.Entry<Long, Path> start = segments.floorEntry(zxidExclusive + 1);
        if (start == null) {
            start = segments.firstEntry();
        }
        if (start == null) {
            // Only a truncation racing this read empties the map under a non-zero flushed zxid.
            return Collections.emptyIterator();
        }
        SparseIndex.Mark mark = index.startFor(start.getKey(), zxidExclusive);
        return new SegmentIterator(segments, start.getKey(), mark, zxidExclusive, upTo, index);
    }

    /** The directory the segments live in. */
    public Path directory() {
        return dir;
    }

    /** The segment files, first zxid to path, oldest first. */
    public List<Path> segmentFiles() {
        return List.copyOf(segments.values());
    }

    /** fsyncs done by {@link #flush()} and segment rolls. */
    public long fsyncCount() {
        return fsyncs.get();
    }

    /** fsyncs slower than {@code fsyncWarningThresholdMs}. */
    public long slowFsyncCount() {
        return slowFsyncs.get();
    }

    /**
     * Bytes written to segment files since this log was opened: records and segment headers,
     * not the preallocated zeros. Appended records count once they reach the file (at a flush,
     * a full buffer or a roll), which keeps the count off the per-record path.
     */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** How long the last fsync took, in nanoseconds. */
    public long lastFsyncNanos() {
        return lastFsyncNanos;
    }

    /** Forgets segments retention deleted, so readers no longer look for them. */
    public void forgetSegmentsBefore(long firstZxidKept) {
        segments.headMap(firstZxidKept, false).clear();
        index.dropBefore(firstZxidKept);
    }

    /** How many records the sparse index can start a read at (for tests). */
    int indexMarks() {
        return index.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel == null) {
            return;
        }
        try {
            // A failed log touches its files no more; recovery sorts out what is there.
            if (failure == null) {
                dropPreallocation();
            }
        } catch (StorageFailureException e) {
            LOG.warn("cutting back {} at close failed; recovery accepts its zero tail",
                    segmentPath, e);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed", segmentPath, e);
            }
            channel = null;
        }
    }

    private void startSegment(long firstZxid) {
        if (channel != null) {
            // The batch in flight may span the roll; the old segment is forced now so that the
            // next flush, which forces only the new one, covers every record of the batch.
            writeBuffer();
            if (options.forceSync()) {
                force();
            }
            dropPreallocation();
            FileChannel finished = channel;
            channel = null;
            LogIo.step(segmentPath, "close", finished::close);
        }
        Path path = dir.resolve(LogRecordCodec.segmentName(firstZxid));
        channel = LogIo.call(path, "create", () -> io.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
        segmentPath = path;
        writePosition = 0;
        allocatedEnd = 0;
        LogRecordCodec.writeSegmentHeader(buffer, firstZxid);
        segments.put(firstZxid, path);
        currentSegment = firstZxid;
        sinceMark = 0;
        if (options.forceSync()) {
            LogIo.step(dir, "fsync directory", () -> io.syncDirectory(dir));
        }
        rollRequested = false;
        LOG.info("started txn log segment {}", path);
    }

    /**
     * Cuts a finished segment back to its records. The zeros past them were only there so that
     * appends did not grow the file; left in place, every start-up would read them (a
     * preallocated hole still costs a page fault per page when recovery checks it is all zero),
     * and the disk would hold a preallocation per segment. Needs no fsync of its own: if the
     * new size is lost in a crash the file keeps its zero tail, which recovery accepts.
     */
    private void dropPreallocation() {
        if (allocatedEnd > writePosition) {
            LogIo.step(segmentPath, "truncate", () -> channel.truncate(writePosition));
            allocatedEnd = writePosition;
        }
    }

    private void writeBuffer() {
        buffer.flip();
        long end = writePosition + buffer.remaining();
        long start = writePosition;
        LogIo.step(segmentPath, "write", () -> {
            while (end > allocatedEnd) {
                // One byte at the new end makes the file that long; the hole reads as zeros.
                channel.write(ByteBuffer.allocate(1), allocatedEnd + options.preAllocSize() - 1);
                allocatedEnd += options.preAllocSize();
            }
            while (buffer.hasRemaining()) {
                writePosition += channel.write(buffer, writePosition);
            }
        });
        buffer.clear();
        Invariants.check(writePosition == end, "the whole buffer reached the segment");
        // One writer: a plain read-modify-write of the volatile is safe, readers see whole values.
        bytesWritten += writePosition - start;
    }

    private void force() {
        long start = System.nanoTime();
        LogIo.step(segmentPath, "fsync", () -> channel.force(false));
        long took = System.nanoTime() - start;
        lastFsyncNanos = took;
        fsyncs.incrementAndGet();
        options.fsyncListener().fsynced(took);
        if (took > TimeUnit.MILLISECONDS.toNanos(options.fsyncWarningThresholdMs())) {
            slowFsyncs.incrementAndGet();
            LOG.warn("fsync of the txn log in {} took {} ms, above fsync.warningthresholdms={} ms;"
                    + " the disk may be overloaded", dir, TimeUnit.NANOSECONDS.toMillis(took),
                    options.fsyncWarningThresholdMs());
        }
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("txn log is closed");
        }
        StorageFailureException first = failure;
        if (first != null) {
            throw new StorageFailureException(first.file(), first.operation(), "the txn log in "
                    + dir + " stopped at that failure and takes no more writes", first);
        }
    }

    /** Fails the log for good; returns the exception for the caller to throw. */
    private StorageFailureException fail(StorageFailureException e) {
        if (failure == null) {
            failure = e;
            LOG.error("the txn log in {} failed and takes no more writes (fail-stop): {}", dir,
                    e.getMessage(), e);
        }
        return e;
    }

    @Override
    public String toString() {
        return "FileTxnLog[dir=" + dir + ", segments=" + segments.size() + ", lastAppended=0x"
                + Long.toHexString(lastAppendedZxid) + ", lastFlushed=0x"
                + Long.toHexString(lastFlushedZxid) + "]";
    }
}
