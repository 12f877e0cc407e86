package io.paddock.zab.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.paddock.zab.message.PeerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of an election connection: says Hello on a connection this server opened, and
 * passes each decoded frame to {@link ElectionLinks}, which applies the connection rule.
 *
 * <p>Not sharable: one per channel, on the election event loop.
 */
final class ElectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ElectionHandler.class);

    private final ElectionLinks links;
    /** The server this connection was opened to, or 0 for a connection this server accepted. */
    private final long dialed;

    ElectionHandler(ElectionLinks links, long dialed) {
        this.links = links;
        this.dialed = dialed;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (dialed != 0) {
            ctx.writeAndFlush(links.hello());
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        if (frame instanceof Hello hello) {
            links.onHello(ctx.channel(), hello, dialed);
        } else {
            links.onMessage(ctx.channel(), (PeerMessage) frame);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("election connection with {} failed: {}", ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
