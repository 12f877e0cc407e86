package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import java.util.zip.CRC32C;

/**
 * The frame every byte between peers travels in, on both ports:
 * <pre>
 *   int32  length    bytes after this field: 4 (crc) + 1 (type) + the fields
 *   int32  crc32c    over the type byte and the fields
 *   int8   type
 *   ...    fields    big-endian, as the type defines
 * </pre>
 * A frame whose length is outside {@code [5, max]} or whose checksum does not match closes the
 * connection it came on ({@link FrameDecoder}).
 *
 * <p>Thread-safe: stateless.
 */
public final class Frames {
    /** Bytes of the length field. */
    public static final int LENGTH_BYTES = 4;
    /** The smallest legal length: a checksum and a type byte. */
    public static final int MIN_LENGTH = 5;

    private Frames() {
    }

    /**
     * Starts a frame in {@code out}: reserves the length and checksum and writes the type.
     *
     * @return the index to pass to {@link #finish}
     */
    public static int start(ByteBuf out, int type) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeInt(0);
        out.writeByte(type);
        return start;
    }

    /** Fills in the length and checksum of the frame begun at {@code start}. */
    public static void finish(ByteBuf out, int start) {
        int bodyStart = start + 2 * LENGTH_BYTES;
        int bodyLength = out.writerIndex() - bodyStart;
        out.setInt(start, bodyLength + LENGTH_BYTES);
        out.setInt(start + LENGTH_BYTES, crc32c(out, bodyStart, bodyLength));
    }

    /** CRC32C of {@code length} bytes of {@code buf} from {@code index}, as an int. */
    public static int crc32c(ByteBuf buf, int index, int length) {
        CRC32C crc = new CRC32C();
        if (buf.hasArray()) {
            crc.update(buf.array(), buf.arrayOffset() + index, length);
        } else if (buf.nioBufferCount() == 1) {
            crc.update(view(buf, index, length));
        } else {
            byte[] copy = new byte[length];
            buf.getBytes(index, copy);
            crc.update(copy);
        }
        return (int) crc.getValue();
    }

    /**
     * The buffer's own NIO view where it has one (no new object per frame; the caller owns buf
     * meanwhile, on its one thread), else a new view.
     */
    private static java.nio.ByteBuffer view(ByteBuf buf, int index, int length) {
        try {
            return buf.internalNioBuffer(index, length);
        } catch (UnsupportedOperationException e) {
            return buf.nioBuffer(index, length);
        }
    }
}
