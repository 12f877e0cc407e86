package io.paddock.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose client does not read its replies, rather than buffer them without
 * end. Past connection.maxPendingBytes queued the channel turns unwritable (and
 * {@link ClientConnection} stops reading requests); if it is still so a grace period (one
 * tick) later, the client is not reading and the connection goes. Replies to requests read
 * before that may queue up to a hard cap (twice the limit plus one largest frame); a write
 * beyond it closes the connection at once. A client that reads, however large one reply,
 * stays well within both. Its session lives on until it expires.
 *
 * <p>One per connection, first in its pipeline so it counts the bytes as they go to the
 * socket (encrypted, on the secure port); runs on its event loop.
 */
final class PendingBytesGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PendingBytesGuard.class);

    private final long limit;
    private final long hardCap;
    private final long graceMs;
    private ScheduledFuture<?> check;

    PendingBytesGuard(long limit, int maxFrame, long graceMs) {
        this.limit = limit;
        this.hardCap = 2 * limit + maxFrame;
        this.graceMs = graceMs;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long size = msg instanceof ByteBuf b ? b.readableBytes() : 0;
        if (size > 0 && pending(ctx) + size > hardCap && ctx.channel().isOpen()) {
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid()) {
                promise.tryFailure(new java.io.IOException("client is not reading its replies"));
            }
            close(ctx, "has left more than " + hardCap + " bytes of replies unread");
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            if (check == null) {
                check = ctx.executor().schedule(() -> closeIfStillFull(ctx), graceMs,
                        TimeUnit.MILLISECONDS);
            }
        } else if (check != null) {
            check.cancel(false);
            check = null;
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void closeIfStillFull(ChannelHandlerContext ctx) {
        check = null;
        if (!ctx.channel().isWritable() && ctx.channel().isOpen()) {
            close(ctx, "has left " + pending(ctx) + " bytes of replies unread for " + graceMs + " ms");
        }
    }

    private void close(ChannelHandlerContext ctx, String why) {
        LOG.warn("closing the connection from {}: its client {} (connection.maxPendingBytes={})",
                ctx.channel().remoteAddress(), why, limit);
        ctx.close();
    }

    private static long pending(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
