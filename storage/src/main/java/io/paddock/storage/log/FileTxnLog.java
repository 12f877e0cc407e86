package io.paddock.storage.log;

import io.paddock.storage.DirectorySync;
import io.paddock.storage.Invariants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
 * <p>Thread-safe for one writer (append, flush, close) and any number of readers
 * ({@link #readFrom}, the zxid getters, the counters); {@link #rollLog()} may be called from any
 * thread. Readers open the segment files themselves and stop at the flushed zxid they saw first.
 * The options' {@link FsyncListener} is called on the writer thread after each fsync.
 */
public final class FileTxnLog implements TxnLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileTxnLog.class);
    private static final int BUFFER_SIZE = 256 << 10;

    private final Path dir;
    private final FileTxnLogOptions options;
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong slowFsyncs = new AtomicLong();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private FileChannel channel;
    private long writePosition;
    private long allocatedEnd;
    private volatile boolean rollRequested = true;
    private volatile long lastAppendedZxid;
    private volatile long lastFlushedZxid;
    private volatile long lastFsyncNanos;
    private volatile long bytesWritten;
    private volatile boolean closed;

    /**
     * A log over segments recovery has checked; new txns go to a new segment.
     *
     * @param recovered the valid segments in zxid order, as recovery left them
     */
    public FileTxnLog(Path dir, List<LogSegment> recovered, FileTxnLogOptions options) {
        this.dir = dir;
        this.options = options;
        for (LogSegment s : recovered) {
            segments.put(s.firstZxid(), s.path());
            lastAppendedZxid = s.lastZxid();
        }
        lastFlushedZxid = lastAppendedZxid;
    }

    @Override
    public void append(Txn txn) {
        ensureOpen();
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
            LogRecordCodec.encode(txn, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the txn log in " + dir, e);
        }
        lastAppendedZxid = txn.zxid();
    }

    @Override
    public void flush() {
        ensureOpen();
        long appended = lastAppendedZxid;
        if (appended == lastFlushedZxid) {
            return;
        }
        try {
            writeBuffer();
            if (options.forceSync()) {
                force(channel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the txn log in " + dir, e);
        }
        lastFlushedZxid = appended;
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
        Long start = segments.floorKey(zxidExclusive + 1);
        if (start == null) {
            start = segments.firstKey();
        }
        return new SegmentIterator(segments, start, zxidExclusive, upTo);
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
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            try {
                dropPreallocation();
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed", dir, e);
            }
        }
    }

    private void startSegment(long firstZxid) throws IOException {
        if (channel != null) {
            // The batch in flight may span the roll; the old segment is forced now so that the
            // next flush, which forces only the new one, covers every record of the batch.
            writeBuffer();
            if (options.forceSync()) {
                force(channel);
            }
            dropPreallocation();
            channel.close();
        }
        Path path = dir.resolve(LogRecordCodec.segmentName(firstZxid));
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        writePosition = 0;
        allocatedEnd = 0;
        LogRecordCodec.writeSegmentHeader(buffer, firstZxid);
        segments.put(firstZxid, path);
        if (options.forceSync()) {
            DirectorySync.fsync(dir);
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
    private void dropPreallocation() throws IOException {
        if (allocatedEnd > writePosition) {
            channel.truncate(writePosition);
            allocatedEnd = writePosition;
        }
    }

    private void writeBuffer() throws IOException {
        buffer.flip();
        long end = writePosition + buffer.remaining();
        while (end > allocatedEnd) {
            // One byte at the new end makes the file that long; the hole reads as zeros.
            allocatedEnd += options.preAllocSize();
            channel.write(ByteBuffer.allocate(1), allocatedEnd - 1);
        }
        long start = writePosition;
        while (buffer.hasRemaining()) {
            writePosition += channel.write(buffer, writePosition);
        }
        buffer.clear();
        Invariants.check(writePosition == end, "the whole buffer reached the segment");
        // One writer: a plain read-modify-write of the volatile is safe, readers see whole values.
        bytesWritten += writePosition - start;
    }

    private void force(FileChannel target) throws IOException {
        long start = System.nanoTime();
        target.force(false);
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

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("txn log is closed");
        }
    }

    @Override
    public String toString() {
        return "FileTxnLog[dir=" + dir + ", segments=" + segments.size() + ", lastAppended=0x"
                + Long.toHexString(lastAppendedZxid) + ", lastFlushed=0x"
                + Long.toHexString(lastFlushedZxid) + "]";
    }
}
