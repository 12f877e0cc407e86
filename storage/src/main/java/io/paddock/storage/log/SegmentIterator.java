package io.paddock.storage.log;

import io.paddock.storage.Invariants;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * Reads flushed records from a {@link FileTxnLog}'s segments in order, from one zxid
 * (exclusive) to a flushed zxid (inclusive), moving to the next segment at each segment's end.
 *
 * <p>It starts at a given offset of the first segment when the log's {@link SparseIndex} knows
 * one, and marks the records it passes in the index, so that segments written before this
 * process started get marks too.
 *
 * <p>Not thread-safe: one reader uses it. It opens the files itself (through
 * {@link RandomAccessFile}, so a file left open by an abandoned iterator is closed on garbage
 * collection) and closes each at its end.
 */
final class SegmentIterator implements Iterator<Txn> {
    private static final int CHUNK = 64 << 10;

    private final ConcurrentNavigableMap<Long, Path> segments;
    private final long after;
    private final long upTo;
    private final SparseIndex index;
    /** Where to start reading the first segment, or null for its first record. */
    private SparseIndex.Mark start;
    private int sinceMark;
    private Map.Entry<Long, Path> segment;
    private FileChannel channel;
    private long filePosition;
    private ByteBuffer buffer = ByteBuffer.allocate(CHUNK).flip();
    private Txn next;
    private boolean done;

    SegmentIterator(ConcurrentNavigableMap<Long, Path> segments, long firstSegment,
            SparseIndex.Mark start, long after, long upTo, SparseIndex index) {
        this.segments = segments;
        this.after = after;
        this.upTo = upTo;
        this.index = index;
        this.start = start;
        this.segment = segments.ceilingEntry(firstSegment);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Txn next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Txn t = next;
        next = null;
        if (t.zxid() == upTo) {
            finish();
        }
        return t;
    }

    private Txn advance() {
        try {
            while (true) {
                Txn t = readRecord();
                if (t == null) {
                    closeChannel();
                    start = null; // a mark names a record of the first segment only
                    segment = segment == null ? null : segments.higherEntry(segment.getKey());
                    Invariants.check(segment != null, "the log holds every flushed zxid up to 0x"
                            + Long.toHexString(upTo));
                    continue;
                }
                Invariants.check(t.zxid() <= upTo, "records past the flushed zxid are not read");
                if (t.zxid() > after) {
                    return t;
                }
            }
        } catch (IOException e) {
            finish();
            throw new UncheckedIOException("cannot read the txn log", e);
        }
    }

    /** The next record of the current segment, or null at its end. */
    private Txn readRecord() throws IOException {
        if (segment == null) {
            return null;
        }
        if (channel == null) {
            channel = new RandomAccessFile(segment.getValue().toFile(), "r").getChannel();
            filePosition = start != null ? start.offset() : LogRecordCodec.SEGMENT_HEADER_SIZE;
            sinceMark = 0;
            buffer.clear().flip();
        }
        while (true) {
            long recordOffset = filePosition - buffer.remaining();
            LogRecordCodec.Decoded d = LogRecordCodec.decode(buffer, buffer.position());
            if (start != null && d.status() != LogRecordCodec.Status.SHORT) {
                boolean marked = d.status() == LogRecordCodec.Status.VALID
                        && d.txn().zxid() == start.zxid();
                start = null;
                if (!marked) {
                    // Not the record the index named: read the segment from its start instead.
                    filePosition = LogRecordCodec.SEGMENT_HEADER_SIZE;
                    buffer.clear().flip();
                    continue;
                }
            }
            switch (d.status()) {
                case VALID -> {
                    buffer.position(d.next());
                    if (++sinceMark >= SparseIndex.EVERY) {
                        sinceMark = 0;
                        index.mark(d.txn().zxid(), segment.getKey(), recordOffset);
                    }
                    return d.txn();
                }
                case SHORT -> {
                    if (!fill()) {
                        if (start != null) {
                            // The file ends before the marked record: read it from its start.
                            start = null;
                            filePosition = LogRecordCodec.SEGMENT_HEADER_SIZE;
                            buffer.clear().flip();
                            continue;
                        }
                        return null;
                    }
                }
                case END -> {
                    return null;
                }
                default -> throw new IllegalStateException("damaged record in "
                        + segment.getValue() + " at offset "
                        + (filePosition - buffer.remaining()) + ": " + d.status());
            }
        }
    }

    /** Reads more of the file behind what is left in the buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        buffer.compact();
        if (!buffer.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        int n = channel.read(buffer, filePosition);
        buffer.flip();
        if (n <= 0) {
            return false;
        }
        filePosition += n;
        return true;
    }

    private void finish() {
        done = true;
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Read-only: nothing is lost.
            }
            channel = null;
        }
    }
}
