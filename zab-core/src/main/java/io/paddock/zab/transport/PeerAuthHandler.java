package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link PeerAuthenticator} exchange at the start of a peer connection, after TLS and
 * before any Hello or snapshot frame, and then steps out of the pipeline. Until it is done the
 * handlers after it have not seen {@code channelActive}, so nothing of ZAB is sent or read on a
 * connection that has not authenticated.
 *
 * <p>The exchange travels in {@link Frames} of type {@link #AUTH}:
 * <pre>
 *   int8   status    0 in progress, 1 success, 2 error
 *   int64  sender    the sender's server id (named in log lines; the dialler's claim)
 *   int32  length    of the token
 *   ...    token
 * </pre>
 * The dialler speaks first. An accepting server that sees another frame type first (a Hello, a
 * snapshot header) has a peer that does not authenticate: it lets it through, bytes untouched,
 * unless authentication is required. A peer without quorum SASL closes a connection that starts
 * with an AUTH frame, as it closes any frame it does not know.
 *
 * <p>Not sharable: one per channel, on its event loop.
 */
final class PeerAuthHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PeerAuthHandler.class);
    /** The frame type of the exchange: 'A', clear of every Hello, ZAB and snapshot type. */
    static final int AUTH = 0x41;
    static final int IN_PROGRESS = 0;
    static final int SUCCESS = 1;
    static final int ERROR = 2;
    private static final int MAX_FRAME = 64 << 10;
    /** A DIGEST-MD5 exchange takes two rounds; more means a confused or hostile peer. */
    private static final int MAX_ROUNDS = 5;
    /** Length, checksum, type, version: a Hello's and a snapshot header's id comes after them. */
    private static final int CLAIMED_ID_OFFSET = 2 * Frames.LENGTH_BYTES + 1 + 4;

    private final PeerAuthenticator authenticator;
    private final TransportConfig config;
    /** The server dialled, or 0 on an accepted connection. */
    private final long dialled;
    private final String host;
    private final String port;
    private PeerAuthenticator.Exchange exchange;
    private ChannelPromise done;
    private ScheduledFuture<?> timer;
    private long peer;
    private int rounds;
    private boolean finished;

    private PeerAuthHandler(TransportConfig config, long dialled, String host, String port) {
        this.authenticator = config.authenticator();
        this.config = config;
        this.dialled = dialled;
        this.host = host;
        this.port = port;
        this.peer = dialled;
    }

    /** Adds the server side to an accepted channel when the ensemble runs quorum SASL. */
    static void accepted(SocketChannel ch, TransportConfig config, String port) {
        if (config.authenticator() != null) {
            ch.pipeline().addLast("auth", new PeerAuthHandler(config, 0, null, port));
        }
    }

    /** Adds the learner side to a channel dialled to server {@code to}, if it authenticates. */
    static void dialled(SocketChannel ch, TransportConfig config, long to, InetSocketAddress address,
            String port) {
        PeerAuthenticator auth = config.authenticator();
        if (auth != null && auth.authenticateDialled()) {
            ch.pipeline().addLast("auth", new PeerAuthHandler(config, to, address.getHostString(),
                    port));
        }
    }

    /**
     * Completes when the exchange on {@code ch} succeeds (at once if it has none, or it is over)
     * and fails when it fails.
     */
    static ChannelFuture authenticated(io.netty.channel.Channel ch) {
        PeerAuthHandler handler = ch.pipeline().get(PeerAuthHandler.class);
        return handler == null || handler.done == null ? ch.newSucceededFuture() : handler.done;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        done = ctx.newPromise();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // Held back from the handlers after this one until the exchange is over.
        timer = ctx.executor().schedule(() -> fail(ctx, "no authentication within "
                + config.connectTimeout().multipliedBy(2)), 2 * config.connectTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        if (dialled == 0) {
            return;
        }
        try {
            exchange = authenticator.dialler(dialled, host);
            send(ctx, IN_PROGRESS, exchange.evaluate(new byte[0]));
        } catch (Exception e) {
            fail(ctx, "cannot start the exchange: " + e.getMessage());
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 2 * Frames.LENGTH_BYTES + 1) {
            return;
        }
        int type = in.getUnsignedByte(in.readerIndex() + 2 * Frames.LENGTH_BYTES);
        if (type != AUTH) {
            notAuthenticating(ctx, in);
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < Frames.MIN_LENGTH + 13 || length > MAX_FRAME) {
            fail(ctx, "authentication frame length " + length + " out of range");
            return;
        }
        if (in.readableBytes() < Frames.LENGTH_BYTES + length) {
            return;
        }
        int start = in.readerIndex();
        int crc = Frames.crc32c(in, start + 2 * Frames.LENGTH_BYTES, length - Frames.LENGTH_BYTES);
        in.skipBytes(2 * Frames.LENGTH_BYTES + 1);
        int status = in.readByte();
        long sender = in.readLong();
        int tokenLength = in.readInt();
        if (crc != in.getInt(start + Frames.LENGTH_BYTES)
                || tokenLength != length - Frames.MIN_LENGTH - 13) {
            fail(ctx, "a corrupt authentication frame");
            return;
        }
        byte[] token = new byte[tokenLength];
        in.readBytes(token);
        if (dialled == 0) {
            peer = sender;
            serverStep(ctx, token);
        } else {
            learnerStep(ctx, status, token);
        }
    }

    /** The accepting side's answer to one learner token. */
    private void serverStep(ChannelHandlerContext ctx, byte[] token) {
        if (++rounds > MAX_ROUNDS) {
            send(ctx, ERROR, new byte[0]);
            fail(ctx, "no result after " + MAX_ROUNDS + " rounds");
            return;
        }
        byte[] answer;
        try {
            if (exchange == null) {
                exchange = authenticator.acceptor();
            }
            answer = exchange.evaluate(token);
        } catch (Exception e) {
            send(ctx, ERROR, new byte[0]);
            fail(ctx, "authentication failed: " + e.getMessage());
            return;
        }
        if (exchange.isComplete()) {
            send(ctx, SUCCESS, answer);
            LOG.info("server {} authenticated server {} ({}) as '{}' on the {} port",
                    config.myId(), peer, ctx.channel().remoteAddress(), exchange.peerName(), port);
            succeed(ctx);
        } else {
            send(ctx, IN_PROGRESS, answer);
        }
    }

    /** The dialling side's answer to one server token. */
    private void learnerStep(ChannelHandlerContext ctx, int status, byte[] token) {
        try {
            if (status == ERROR) {
                fail(ctx, "it refused this server's credentials");
            } else if (status == SUCCESS) {
                if (!exchange.isComplete()) {
                    exchange.evaluate(token);
                }
                if (exchange.isComplete()) {
                    succeed(ctx);
                } else {
                    fail(ctx, "it reported success before the exchange was complete");
                }
            } else if (status == IN_PROGRESS && ++rounds <= MAX_ROUNDS) {
                send(ctx, IN_PROGRESS, exchange.evaluate(token));
            } else {
                fail(ctx, "unexpected status " + status + " in round " + rounds);
            }
        } catch (Exception e) {
            fail(ctx, "authentication failed: " + e.getMessage());
        }
    }

    /** The first frame is not AUTH: the peer does not authenticate. */
    private void notAuthenticating(ChannelHandlerContext ctx, ByteBuf in) {
        if (dialled != 0) {
            fail(ctx, "it answered without authenticating");
        } else if (!authenticator.requireAccepted()) {
            LOG.debug("server {} lets in {} without authentication (not required)", config.myId(),
                    ctx.channel().remoteAddress());
            succeed(ctx);
        } else if (in.readableBytes() >= CLAIMED_ID_OFFSET + 8) {
            peer = in.getLong(in.readerIndex() + CLAIMED_ID_OFFSET);
            fail(ctx, "it did not authenticate and authentication is required"
                    + " (quorum.auth.serverRequireSasl)");
        }
    }

    private void send(ChannelHandlerContext ctx, int status, byte[] token) {
        byte[] bytes = token == null ? new byte[0] : token;
        ByteBuf buf = ctx.alloc().buffer(32 + bytes.length);
        int start = Frames.start(buf, AUTH);
        buf.writeByte(status);
        buf.writeLong(config.myId());
        buf.writeInt(bytes.length);
        buf.writeBytes(bytes);
        Frames.finish(buf, start);
        ctx.writeAndFlush(buf);
    }

    private void succeed(ChannelHandlerContext ctx) {
        finish();
        done.trySuccess();
        ctx.fireChannelActive();
        // Bytes already read past the exchange go on to the next handler.
        ctx.pipeline().remove(this);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        if (finished) {
            return;
        }
        finish();
        ByteBuf unread = internalBuffer();
        unread.skipBytes(unread.readableBytes()); // never handed on to the frame decoder
        String who = peer == 0 ? "an unidentified peer" : "server " + peer;
        if (dialled == 0) {
            LOG.warn("server {} refuses the {} connection from {} ({}): {}", config.myId(), port,
                    who, ctx.channel().remoteAddress(), reason);
        } else {
            LOG.warn("server {} could not authenticate to {} ({}) on the {} port: {}",
                    config.myId(), who, ctx.channel().remoteAddress(), port, reason);
        }
        done.tryFailure(new PeerAuthenticationException(reason));
        ctx.close();
    }

    private void finish() {
        finished = true;
        if (timer != null) {
            timer.cancel(false);
        }
        if (exchange != null) {
            exchange.dispose();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(ctx, "the connection closed during authentication"
                + (dialled != 0 ? " (does the peer have quorum.auth.enableSasl=true?)" : ""));
        super.channelInactive(ctx); // releases the buffer; nothing is decoded once finished
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.toString());
    }
}
