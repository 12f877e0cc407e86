package io.paddock.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.paddock.protocol.Record;

/**
 * The client protocol's framing: every packet is a 4-byte big-endian length, then that many
 * bytes of records. Stateless.
 */
public final class Frames {
    /** ZooKeeper's default {@code jute.maxbuffer}: 0xfffff, one byte short of 1 MiB. */
    public static final int DEFAULT_MAX_BUFFER = 0xfffff;

    private Frames() {
    }

    /**
     * Appends one frame holding {@code header} and then {@code body}; either may be null (a
     * ConnectResponse has no header, most error replies no body).
     */
    public static void writeFrame(ByteBuf out, Record header, Record body) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        JuteOutput jute = new JuteOutput(out);
        if (header != null) {
            header.write(jute);
        }
        if (body != null) {
            body.write(jute);
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    /** Rejects a length prefix before anything is buffered for it, as ZooKeeper's server does. */
    public static void checkLength(int len, int maxBuffer) {
        if (len < 0) {
            throw new DecodeException("negative frame length " + len);
        }
        if (len > maxBuffer) {
            throw new DecodeException(
                    "frame length " + len + " exceeds jute.maxbuffer " + maxBuffer);
        }
    }
}
