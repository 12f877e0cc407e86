package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into {@link Frames}, checks each frame's length and checksum and hands
 * the body (type byte and fields) to a body decoder. A bad frame (length out of range, checksum
 * mismatch, or a body the decoder rejects with {@link FrameException}) is logged with the peer's
 * address and the reason, the connection is closed and every byte after it is discarded, so
 * nothing of a corrupt stream reaches the core.
 *
 * <p>Not sharable: one instance per channel, used on its event loop.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

    private final int maxLength;
    private final Function<ByteBuf, Object> bodyDecoder;
    private final String what;
    private boolean failed;

    /**
     * @param maxLength the largest frame length accepted (the length field's value)
     * @param bodyDecoder reads one body (the readable bytes of the slice it gets, type first)
     * @param what names the stream in log lines, e.g. "election connection"
     */
    public FrameDecoder(int maxLength, Function<ByteBuf, Object> bodyDecoder, String what) {
        if (maxLength < Frames.MIN_LENGTH) {
            throw new IllegalArgumentException("maxLength below " + Frames.MIN_LENGTH + ": "
                    + maxLength);
        }
        this.maxLength = maxLength;
        this.bodyDecoder = bodyDecoder;
        this.what = what;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < Frames.LENGTH_BYTES) {
            return;
        }
        int start = in.readerIndex();
        int length = in.getInt(start);
        if (length < Frames.MIN_LENGTH || length > maxLength) {
            fail(ctx, in, "frame length " + length + " is outside [" + Frames.MIN_LENGTH + ", "
                    + maxLength + "]");
            return;
        }
        if (in.readableBytes() < Frames.LENGTH_BYTES + length) {
            return;
        }
        int expected = in.getInt(start + Frames.LENGTH_BYTES);
        int bodyStart = start + 2 * Frames.LENGTH_BYTES;
        int bodyLength = length - Frames.LENGTH_BYTES;
        int actual = Frames.crc32c(in, bodyStart, bodyLength);
        if (actual != expected) {
            fail(ctx, in, "checksum mismatch in a " + length + "-byte frame: expected 0x"
                    + Integer.toHexString(expected) + ", computed 0x" + Integer.toHexString(actual));
            return;
        }
        ByteBuf body = in.slice(bodyStart, bodyLength);
        in.skipBytes(Frames.LENGTH_BYTES + length);
        try {
            out.add(bodyDecoder.apply(body));
        } catch (FrameException e) {
            fail(ctx, in, e.getMessage());
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        LOG.warn("closing the {} with {}: bad frame: {}", what, ctx.channel().remoteAddress(),
                reason);
        ctx.close();
    }
}
