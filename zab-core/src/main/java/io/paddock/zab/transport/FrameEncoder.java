package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link io.paddock.zab.message.PeerMessage}s and {@link Hello}s as frames
 * ({@link PeerMessageCodec}); a {@link ByteBuf} is frames already encoded (a batch of messages,
 * see ElectionLinks#send) and passes through as it is.
 *
 * <p>Sharable and stateless.
 */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Object> {
    static final FrameEncoder INSTANCE = new FrameEncoder();

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return !(msg instanceof ByteBuf);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object message, ByteBuf out) {
        PeerMessageCodec.encode(message, out);
    }
}
