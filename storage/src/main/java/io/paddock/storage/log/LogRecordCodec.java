package io.paddock.storage.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout of a log segment (format version 1), shared by the writer, the reader and
 * recovery.
 *
 * <pre>
 * segment header, 16 bytes:  magic "PDKL" (int) | version (byte) = 1 | 3 reserved zero bytes
 *                            | first zxid (long, also in the file name log.&lt;hex zxid&gt;)
 * record:                    length (int) | zxid (long) | crc32c (int) | type (int) | bytes
 *                            length counts type + bytes, so it is at least 4; a length of 0
 *                            marks the end of the data (preallocated space is zero-filled).
 *                            The CRC32C covers length, zxid, type and bytes.
 * </pre>
 *
 * <p>Big-endian throughout. Thread-safe: stateless.
 */
public final class LogRecordCodec {
    private static final int ZERO_BLOCK = 64 << 10;

    public static final int MAGIC = 0x50444B4C;
    public static final byte VERSION = 1;
    public static final int SEGMENT_HEADER_SIZE = 16;
    public static final int RECORD_HEADER_SIZE = 16;
    /** Larger than any txn the server accepts (jute.maxbuffer is about 1 MiB). */
    public static final int MAX_PAYLOAD = 64 << 20;
    public static final String SEGMENT_PREFIX = "log.";

    private LogRecordCodec() {
    }

    /** What {@link #decode} found at an offset. */
    public enum Status {
        /** A whole record whose checksum matches. */
        VALID,
        /** A zero length: the end of the written data. */
        END,
        /** Fewer bytes than the record needs before the end of the buffer. */
        SHORT,
        /** A length that no record can have. */
        BAD_LENGTH,
        /** A whole record whose checksum does not match. */
        BAD_CRC
    }

    /**
     * A decoded record or why there is none.
     *
     * @param status what was found
     * @param txn the record when VALID, else null
     * @param zxid the zxid field when it could be read, else -1
     * @param next the offset after the record when VALID
     */
    public record Decoded(Status status, Txn txn, long zxid, int next) {
    }

    public static String segmentName(long firstZxid) {
        return SEGMENT_PREFIX + Long.toHexString(firstZxid);
    }

    /** The first zxid in a segment file name, or -1 if the name is not a segment's. */
    public static long segmentZxid(String fileName) {
        if (!fileName.startsWith(SEGMENT_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(fileName.substring(SEGMENT_PREFIX.length()), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static void writeSegmentHeader(ByteBuffer out, long firstZxid) {
        out.putInt(MAGIC).put(VERSION).put((byte) 0).putShort((short) 0).putLong(firstZxid);
    }

    /** Why the header at the buffer's start is not a valid version-1 header, or null if it is. */
    public static String checkSegmentHeader(ByteBuffer in, long expectedZxid) {
        if (in.limit() < SEGMENT_HEADER_SIZE) {
            return "shorter than the " + SEGMENT_HEADER_SIZE + "-byte segment header";
        }
        if (in.getInt(0) != MAGIC) {
            return "bad magic 0x" + Integer.toHexString(in.getInt(0));
        }
        if (in.get(4) != VERSION) {
            return "unknown segment format version " + in.get(4);
        }
        if (in.getLong(8) != expectedZxid) {
            return "header zxid 0x" + Long.toHexString(in.getLong(8)) + " differs from the name";
        }
        return null;
    }

    public static int encodedSize(Txn txn) {
        return RECORD_HEADER_SIZE + 4 + txn.bytes().length;
    }

    /** Writes one record at the buffer's position, which must have room for it. */
    public static void encode(Txn txn, ByteBuffer out) {
        int length = 4 + txn.bytes().length;
        out.putInt(length).putLong(txn.zxid());
        int crcAt = out.position();
        out.putInt(0).putInt(txn.type()).put(txn.bytes());
        out.putInt(crcAt, crc(length, txn.zxid(), txn.type(), txn.bytes(), 0, txn.bytes().length));
    }

    /** Decodes the record at {@code offset}, reading only up to the buffer's limit. */
    public static Decoded decode(ByteBuffer in, int offset) {
        Decoded checked = check(in, in.duplicate(), new CRC32C(), offset);
        if (checked.status() != Status.VALID) {
            return checked;
        }
        // Checked in place: copy the payload (after length, zxid, CRC and type) out.
        byte[] bytes = new byte[checked.next() - offset - RECORD_HEADER_SIZE - 4];
        in.get(offset + RECORD_HEADER_SIZE + 4, bytes);
        return new Decoded(Status.VALID, new Txn(checked.zxid(), in.getInt(offset + 16), bytes),
                checked.zxid(), checked.next());
    }

    /**
     * Checks the record at {@code offset} where it lies, with no copy of its payload and no
     * {@link Txn}: a start-up scan of a large log otherwise allocates the whole log again.
     * The returned {@link Decoded} has a null txn; {@link #decode} adds it.
     *
     * @param view a duplicate of {@code in} this call may move, reused across records
     * @param crc a checksum this call resets, reused across records
     */
    public static Decoded check(ByteBuffer in, ByteBuffer view, CRC32C crc, int offset) {
        int available = in.limit() - offset;
        if (available < 4) {
            // Even zeros here may be the top bytes of a length cut off by the buffer's end.
            return shortOf(-1);
        }
        int length = in.getInt(offset);
        if (length == 0) {
            return end();
        }
        long zxid = available >= 12 ? in.getLong(offset + 4) : -1;
        if (length < 4 || length > MAX_PAYLOAD) {
            return new Decoded(Status.BAD_LENGTH, null, zxid, -1);
        }
        if (available < RECORD_HEADER_SIZE + length) {
            return shortOf(zxid);
        }
        int stored = in.getInt(offset + 12);
        // The checksum covers length and zxid, then type and payload: the stored CRC sits between.
        crc.reset();
        view.limit(offset + 12).position(offset);
        crc.update(view);
        view.limit(offset + RECORD_HEADER_SIZE + length).position(offset + 16);
        crc.update(view);
        if ((int) crc.getValue() != stored) {
            return new Decoded(Status.BAD_CRC, null, zxid, -1);
        }
        return new Decoded(Status.VALID, null, zxid, offset + RECORD_HEADER_SIZE + length);
    }

    /** True if every byte from {@code offset} to the buffer's limit is zero. */
    public static boolean allZero(ByteBuffer in, int offset) {
        // Preallocated segment tails are tens of MiB of zeros, checked at every start-up:
        // mismatch against a zero block is vectorised where a loop of getLong is not.
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_BLOCK,
                Math.max(0, in.limit() - offset)));
        int i = offset;
        while (i < in.limit()) {
            int n = Math.min(zeros.capacity(), in.limit() - i);
            if (in.slice(i, n).mismatch(zeros.limit(n)) != -1) {
                return false;
            }
            i += n;
        }
        return true;
    }

    private static int crc(int length, long zxid, int type, byte[] bytes, int from, int count) {
        CRC32C crc = new CRC32C();
        ByteBuffer head = ByteBuffer.allocate(16).putInt(length).putLong(zxid).putInt(type).flip();
        crc.update(head);
        crc.update(bytes, from, count);
        return (int) crc.getValue();
    }

    private static Decoded end() {
        return new Decoded(Status.END, null, -1, -1);
    }

    private static Decoded shortOf(long zxid) {
        return new Decoded(Status.SHORT, null, zxid, -1);
    }
}
