package io.paddock.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A per-thread buffer to encode a message into before taking its exact bytes: one array of the
 * message's size per encode instead of a growing buffer's every step (the write path encodes
 * every txn and every forward this way, and that garbage set the rate of young collections).
 *
 * <p>Use: {@code ByteBuf b = ScratchBuffer.take(); ...write...; byte[] out = ScratchBuffer.bytes(b);}
 * with nothing in between that takes the buffer again on the same thread.
 *
 * <p>Thread-safe: each thread has its own buffer.
 */
public final class ScratchBuffer {
    private static final int INITIAL = 1024;
    /** A buffer grown past this for a large message is dropped rather than kept per thread. */
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<ByteBuf> BUFFERS =
            ThreadLocal.withInitial(() -> Unpooled.buffer(INITIAL));

    private ScratchBuffer() {
    }

    /** This thread's buffer, empty. */
    public static ByteBuf take() {
        ByteBuf buf = BUFFERS.get();
        buf.clear();
        return buf;
    }

    /** The bytes written to {@code buf} since {@link #take()}, as a new array of their size. */
    public static byte[] bytes(ByteBuf buf) {
        byte[] out = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), out);
        buf.clear();
        if (buf.capacity() > KEEP_AT_MOST) {
            BUFFERS.set(Unpooled.buffer(INITIAL));
        }
        return out;
    }
}
