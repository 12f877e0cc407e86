package io.paddock.server.migrate;

import io.paddock.protocol.codec.DecodeException;
import io.paddock.storage.StorageCorruptionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Adler32;

/**
 * Reads one ZooKeeper txn log segment ({@code FileTxnLog}) record by record.
 *
 * <p>Layout: a file header (magic "ZKLG", version 2, dbid), then records of an Adler-32 (long)
 * over the payload only, the payload length (int), the payload, and the byte 0x42 ('B'). The file
 * is preallocated with zeros, so a zero length ends the data.
 *
 * <p>Damage (a partial record, a bad length, a missing 'B', a checksum mismatch) that no valid
 * record follows in the file is a torn tail, which a crash mid-write leaves and ZooKeeper itself
 * reads past: it is reported and the file read up to it. Damage that valid records follow, a
 * payload that passes its checksum but does not decode, zxids that do not increase, or a wrong
 * magic refuse with a {@link StorageCorruptionException} naming the file and offset. The file is
 * opened read-only; nothing is ever written.
 *
 * <p>Not thread-safe: one reader per file.
 */
final class ZkLogReader {
    static final int MAGIC = 0x5A4B4C47; // "ZKLG"
    static final int HEADER_SIZE = 16;
    private static final int RECORD_OVERHEAD = 8 + 4 + 1;
    private static final byte END_OF_RECORD = 'B';
    /** Where the zxid sits in a payload: after clientId (long) and cxid (int). */
    private static final int ZXID_IN_PAYLOAD = 12;

    /** Receives each valid record in order. */
    @FunctionalInterface
    interface RecordSink {
        void record(long offset, ZkTxn txn) throws IOException;
    }

    /**
     * How a segment ended.
     *
     * @param records valid records read
     * @param lastZxid the zxid of the last one, or -1
     * @param tornAt the offset of a torn tail, or -1 if the data ended cleanly
     * @param tornReason what the torn tail looked like
     */
    record Result(int records, long lastZxid, long tornAt, String tornReason) {
    }

    private ZkLogReader() {
    }

    static Result read(Path file, RecordSink sink, Progress progress) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ZkFileRef ref = new ZkFileRef(file, false);
            if (size > Integer.MAX_VALUE) {
                throw ref.corrupt(Integer.MAX_VALUE, "a log segment over 2 GiB is not supported");
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            Result r = scan(data, ref, sink);
            progress.advance(size);
            return r;
        }
    }

    private static Result scan(ByteBuffer data, ZkFileRef ref, RecordSink sink)
            throws IOException {
        if (data.limit() < HEADER_SIZE || allZero(data, 0)) {
            return new Result(0, -1, 0, "the file header is incomplete");
        }
        int magic = data.getInt(0);
        if (magic != MAGIC) {
            throw ref.corrupt(0, "bad magic 0x" + Integer.toHexString(magic)
                    + ", not a ZooKeeper txn log (\"ZKLG\")");
        }
        if (data.getInt(4) != 2) {
            throw ref.corrupt(4, "unknown txn log version " + data.getInt(4));
        }
        int offset = HEADER_SIZE;
        int records = 0;
        long last = -1;
        Adler32 adler = new Adler32();
        while (true) {
            String damage = damageAt(data, offset, adler);
            if (damage == null && data.getInt(offset + 8) == 0) {
                damage = validRecordFrom(data, offset + 1, last)
                        ? "a zero length (the end of the data) with records after it" : null;
                if (damage == null) {
                    return new Result(records, last, -1, null);
                }
            }
            if (damage != null) {
                if (damage.isEmpty()) {
                    return new Result(records, last, -1, null);
                }
                if (validRecordFrom(data, offset + 1, last)) {
                    throw ref.corrupt(offset, last, damage + ", and valid records follow it, so"
                            + " it is not a torn tail; the last good zxid before it is 0x"
                            + Long.toHexString(last));
                }
                return new Result(records, last, offset, damage);
            }
            int length = data.getInt(offset + 8);
            long zxid = data.getLong(offset + 12 + ZXID_IN_PAYLOAD);
            if (records > 0 && zxid <= last) {
                throw ref.corrupt(offset, zxid, "zxid does not increase after 0x"
                        + Long.toHexString(last));
            }
            byte[] payload = new byte[length];
            data.get(offset + 12, payload);
            ZkTxn txn;
            try {
                txn = ZkTxnDecoder.decode(payload);
            } catch (DecodeException | IndexOutOfBoundsException e) {
                throw ref.corrupt(offset, zxid, "the record's checksum matches but it does not"
                        + " decode: " + e.getMessage());
            }
            sink.record(offset, txn);
            records++;
            last = zxid;
            offset += length + RECORD_OVERHEAD;
        }
    }

    /**
     * What is wrong with the record at the offset: null for a whole record (or a zero length,
     * which the caller checks), "" for the clean end of the file, or the damage.
     */
    private static String damageAt(ByteBuffer data, int offset, Adler32 adler) {
        int left = data.limit() - offset;
        if (left < 12) {
            return left == 0 || allZero(data, offset) ? ""
                    : "a partial record header (" + left + " bytes before the end)";
        }
        int length = data.getInt(offset + 8);
        if (length == 0) {
            return null;
        }
        if (length < ZXID_IN_PAYLOAD + 8 + 4 + 8 || length > left - RECORD_OVERHEAD) {
            return length > left - RECORD_OVERHEAD && length > 0
                    ? "a partial record (length " + length + ", " + (left - 12)
                    + " bytes before the end)"
                    : "bad record length " + length;
        }
        if (data.get(offset + 12 + length) != END_OF_RECORD) {
            return "no end-of-record byte 0x42 after the payload";
        }
        adler.reset();
        adler.update(data.duplicate().position(offset + 12).limit(offset + 12 + length));
        if (adler.getValue() != data.getLong(offset)) {
            return "Adler-32 checksum mismatch";
        }
        return null;
    }

    /**
     * True if a record with a matching checksum and a zxid after {@code afterZxid} starts at any
     * offset from {@code from} on. Runs of zeros are skipped eight bytes at a time: a record
     * cannot start where its length would be zero.
     */
    static boolean validRecordFrom(ByteBuffer data, int from, long afterZxid) {
        Adler32 adler = new Adler32();
        int offset = from;
        while (offset + 12 + RECORD_OVERHEAD <= data.limit()) {
            if (data.getInt(offset + 8) == 0) {
                int nonZero = nextNonZero(data, offset + 8);
                if (nonZero < 0) {
                    return false;
                }
                offset = Math.max(offset + 1, nonZero - 11);
                continue;
            }
            if (damageAt(data, offset, adler) == null
                    && data.getLong(offset + 12 + ZXID_IN_PAYLOAD) > afterZxid) {
                return true;
            }
            offset++;
        }
        return false;
    }

    private static int nextNonZero(ByteBuffer data, int from) {
        int i = from;
        while (i + 8 <= data.limit() && data.getLong(i) == 0) {
            i += 8;
        }
        while (i < data.limit()) {
            if (data.get(i) != 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean allZero(ByteBuffer data, int from) {
        return nextNonZero(data, from) < 0;
    }
}
