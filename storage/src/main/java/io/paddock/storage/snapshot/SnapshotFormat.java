package io.paddock.storage.snapshot;

import java.nio.ByteBuffer;

/**
 * The byte layout of a snapshot file (format version 1), {@code snapshot.<hex zxid>}.
 *
 * <pre>
 * header, 16 bytes:  magic "PDKS" (int) | version (byte) = 1 | flags (byte) | 2 reserved zero
 *                    bytes | zxid the snapshot started at (long)
 *                    flags bit 0: the body is LZ4-compressed (lz4-java block stream)
 * body:              what the SnapshotSource wrote, compressed if flagged
 * trailer, 16 bytes: body length in the file (long) | CRC32C of header and body (int)
 *                    | end magic "PDKE" (int)
 * </pre>
 *
 * <p>Big-endian. Thread-safe: stateless.
 */
final class SnapshotFormat {
    static final int MAGIC = 0x50444B53;
    static final int END_MAGIC = 0x50444B45;
    static final byte VERSION = 1;
    static final byte FLAG_LZ4 = 1;
    static final int HEADER_SIZE = 16;
    static final int TRAILER_SIZE = 16;
    static final String PREFIX = "snapshot.";
    static final String TEMP_SUFFIX = ".tmp";

    private SnapshotFormat() {
    }

    static String fileName(long zxid) {
        return PREFIX + Long.toHexString(zxid);
    }

    /** The zxid in a snapshot file name, or -1 if it is not one. */
    static long zxidOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || fileName.endsWith(TEMP_SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(fileName.substring(PREFIX.length()), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ByteBuffer header(long zxid, boolean compressed) {
        return ByteBuffer.allocate(HEADER_SIZE).putInt(MAGIC).put(VERSION)
                .put(compressed ? FLAG_LZ4 : 0).putShort((short) 0).putLong(zxid).flip();
    }

    static ByteBuffer trailer(long bodyLength, int crc) {
        return ByteBuffer.allocate(TRAILER_SIZE).putLong(bodyLength).putInt(crc).putInt(END_MAGIC)
                .flip();
    }
}
