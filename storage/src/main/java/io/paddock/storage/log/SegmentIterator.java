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
 * <p>Not thread-safe: one reader uses it. It opens the files itself (through
 * {@link RandomAccessFile}, so a file left open by an abandoned iterator is closed on garbage
 * collection) and closes each at its end.
 */
final class SegmentIterator implements Iterator<Txn> {
    private static final int CHUNK = 64 << 10;

    private final ConcurrentNavigableMap<Long, Path> segments;
    private final long after;
    private final long upTo;
    private Map.Entry<Long, Path> segment;
    private FileChannel channel;
    private long filePosition;
    private ByteBuffer buffer = ByteBuffer.allocate(CHUNK).flip();
    private Txn next;
    private boolean done;

    SegmentIterator(ConcurrentNavigableMap<Long, Path> segments, long firstSegment, long after,
            long upTo) {
        this.segments = segments;
        this.after = after;
        this.upTo = upTo;
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
            filePosition = LogRecordCodec.SEGMENT_HEADER_SIZE;
            buffer.clear().flip();
        }
        while (true) {
            LogRecordCodec.Decoded d = LogRecordCodec.decode(buffer, buffer.position());
            switch (d.status()) {
                case VALID -> {
                    buffer.position(d.next());
                    return d.txn();
                }
                case SHORT -> {
                    if (!fill()) {
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
