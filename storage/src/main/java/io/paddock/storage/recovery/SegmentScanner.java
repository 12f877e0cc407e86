package io.paddock.storage.recovery;

import io.paddock.storage.log.LogRecordCodec;
import io.paddock.storage.log.LogRecordCodec.Decoded;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads a whole segment held in a buffer and says how far it is valid, and whether any valid
 * record lies beyond a given offset (which tells damage in the middle from a torn tail).
 *
 * <p>Thread-safe: stateless.
 */
final class SegmentScanner {
    private static final int EPOCH_JUMP_LIMIT = 1 << 16;

    private SegmentScanner() {
    }

    /**
     * @param data the segment's bytes
     * @param firstZxid the zxid its name promises for its first record
     * @param previousZxid the last valid zxid before this segment, 0 if none
     */
    static SegmentScan scan(ByteBuffer data, long firstZxid, long previousZxid) {
        String headerProblem = LogRecordCodec.checkSegmentHeader(data, firstZxid);
        if (headerProblem != null) {
            return new SegmentScan(0, previousZxid, 0,
                    new SegmentScan.Problem(0, firstZxid, headerProblem));
        }
        int offset = LogRecordCodec.SEGMENT_HEADER_SIZE;
        int records = 0;
        long last = previousZxid;
        ByteBuffer view = data.duplicate();
        CRC32C crc = new CRC32C();
        while (true) {
            Decoded d = LogRecordCodec.check(data, view, crc, offset);
            String problem = switch (d.status()) {
                case VALID -> orderProblem(d.zxid(), last, records, firstZxid);
                case END -> LogRecordCodec.allZero(data, offset) ? null
                        : "a zero length followed by non-zero bytes";
                case SHORT -> LogRecordCodec.allZero(data, offset) ? null
                        : "a partial record (" + (data.limit() - offset) + " bytes before the end)";
                case BAD_LENGTH -> "bad record length " + data.getInt(offset);
                case BAD_CRC -> "CRC32C mismatch";
            };
            if (problem != null) {
                return new SegmentScan(records, last, offset,
                        new SegmentScan.Problem(offset, d.zxid(), problem));
            }
            if (d.status() != LogRecordCodec.Status.VALID) {
                return new SegmentScan(records, last, offset, null);
            }
            records++;
            last = d.zxid();
            offset = d.next();
        }
    }

    /**
     * True if a record with a matching checksum and a zxid after {@code afterZxid} starts at any
     * offset from {@code from} on. Zero-filled space is skipped cheaply, so a torn tail followed
     * by preallocated zeros is told quickly; damage in the middle is found within one record.
     */
    static boolean validRecordFrom(ByteBuffer data, int from, long afterZxid) {
        for (int offset = from; offset + LogRecordCodec.RECORD_HEADER_SIZE + 4 <= data.limit();
                offset++) {
            int length = data.getInt(offset);
            if (length < 4 || length > LogRecordCodec.MAX_PAYLOAD) {
                continue;
            }
            long zxid = data.getLong(offset + 4);
            if (zxid <= afterZxid || (zxid >>> 32) - (afterZxid >>> 32) > EPOCH_JUMP_LIMIT) {
                continue;
            }
            if (LogRecordCodec.decode(data, offset).status() == LogRecordCodec.Status.VALID) {
                return true;
            }
        }
        return false;
    }

    private static String orderProblem(long zxid, long last, int records, long firstZxid) {
        if (records == 0 && zxid != firstZxid) {
            return "first record has zxid 0x" + Long.toHexString(zxid)
                    + ", not the one in the file name";
        }
        if (zxid <= last) {
            return "zxid does not increase after 0x" + Long.toHexString(last);
        }
        return null;
    }
}
