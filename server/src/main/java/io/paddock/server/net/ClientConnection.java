package io.paddock.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.paddock.protocol.ACL;
import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.ConnectRequest;
import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.GetSASLRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.ReplyHeader;
import io.paddock.protocol.RequestHeader;
import io.paddock.protocol.WatcherEvent;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.Frames;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.RequestBodies;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.pipeline.ClientChannel;
import io.paddock.server.pipeline.RequestBacklog;
import io.paddock.server.pipeline.WriteFence;
import io.paddock.server.session.Session;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's TCP connection: the handshake, then requests decoded and handed to the
 * pipeline in the order they arrive; replies and watch events written back as frames.
 *
 * <p>Bad input (an oversize or truncated frame, garbage, a handshake that never comes) closes
 * this connection alone, with the reason logged. Reads run on the channel's event loop;
 * writes may come from the reply thread too, and each is one whole frame. When the pipeline's
 * rings are full the pipeline stops this connection reading until they drain (back-pressure
 * that never blocks the event loop, which other connections share).
 *
 * <p>Frames the pipeline's reply thread writes are gathered into one buffer per connection and
 * handed to the event loop once, at {@link #flush}: a Netty write from outside the event loop is
 * a task of its own, and a task per reply cost the I/O threads more than the socket writes.
 */
public final class ClientConnection extends ChannelInboundHandlerAdapter implements ClientChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final int PING_XID = -2;
    private static final int NOTIFICATION_XID = -1;
    private static final int REPLY_BATCH_INITIAL = 4096;
    private static final int REPLY_BATCH_LIMIT = 256 << 10;

    private final ClientServices services;
    private volatile ConnectionStats stats = new ConnectionStats();
    private final WriteFence writeFence = new WriteFence();
    private final RequestBacklog backlog = new RequestBacklog();
    private Channel channel;
    private InetAddress address;
    private boolean counted;
    private ScheduledFuture<?> handshakeTimeout;
    private volatile long sessionId;
    private volatile int sessionTimeout;
    private final ConnectionAuth auth;
    private boolean handshakeStarted;
    private volatile boolean readOnlySession;
    /** Both on the event loop: reads go on only while the pipeline and the client keep up. */
    private boolean pipelineWantsReads = true;
    private boolean repliesDrained = true;
    /** Frames from the reply thread since its last flush; touched by that thread only. */
    private ByteBuf replyBatch;

    ClientConnection(ClientServices services) {
        this.services = services;
        this.auth = new ConnectionAuth(services, this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        address = remote.getAddress();
        if (!services.connections().tryAcquire(this, address)) {
            LOG.warn("too many connections from {} (maxClientCnxns={}); closing", address,
                    services.config().maxClientCnxns());
            channel.close();
            return;
        }
        counted = true;
        auth.start(address.getHostAddress());
        handshakeTimeout = ctx.executor().schedule(() -> close("no handshake within "
                + services.config().handshakeTimeoutMs() + " ms"),
                services.config().handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    /** Ids proven before the first request (a TLS client certificate) join the auth info. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof AuthenticatedIds proven) {
            auth.add(proven.ids());
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FourLetterWord w) {
            answerFourLetterWord(w.command());
            return;
        }
        ByteBuf frame = (ByteBuf) msg;
        try {
            stats.received();
            services.stats().packetReceived();
            if (!handshakeStarted) {
                handshake(new JuteInput(frame));
            } else {
                request(new JuteInput(frame));
            }
        } finally {
            frame.release();
        }
    }

    private void handshake(JuteInput in) {
        ConnectRequest req = ConnectRequest.read(in);
        handshakeStarted = true;
        handshakeTimeout.cancel(false);
        if (!services.serving().serving()) {
            if (services.serving().readOnly() && req.readOnly() && req.sessionId() == 0) {
                readOnlySession(req);
                return;
            }
            // [ensemble] No leader, so nothing to serve: the client tries another server.
            close("this server is not serving now (no leader)");
            return;
        }
        long lastZxid = services.pipeline().lastZxid();
        if (req.lastZxidSeen() > lastZxid) {
            // The client has seen a newer state than ours: serving it would move it backwards.
            close("client has seen zxid 0x" + Long.toHexString(req.lastZxidSeen())
                    + " but this server is at 0x" + Long.toHexString(lastZxid));
            return;
        }
        if (req.sessionId() == 0) {
            int maxSessions = services.config().limits().maxSessions();
            if (maxSessions > 0 && services.sessions().size() >= maxSessions) {
                LOG.warn("refusing a new session from {}: {} sessions are live (maxSessions={})",
                        address, services.sessions().size(), maxSessions);
                close("too many sessions");
                return;
            }
            int timeout = services.config().negotiateSessionTimeout(req.timeOut());
            long id = services.sessions().nextSessionId();
            sessionId = id;
            sessionTimeout = timeout;
            services.pipeline().submitCreateSession(this, id, timeout, req.readOnly());
            return;
        }
        resume(req);
    }

    /**
     * [ensemble] ZooKeeper's read-only mode: without a leader, a client that asked for it gets a
     * session of this server alone (no txn, nothing replicated) that reads and is refused every
     * write with NOTREADONLY. It ends with the connection, or when the server has a leader again.
     */
    private void readOnlySession(ConnectRequest req) {
        long id = services.sessions().nextSessionId();
        sessionId = id;
        sessionTimeout = services.config().negotiateSessionTimeout(req.timeOut());
        readOnlySession = true;
        writeConnectResponse(new ConnectResponse(0, sessionTimeout, id,
                services.sessions().passwordFor(id), true));
        flush();
    }

    /** [ensemble] Whether this connection carries a read-only session (see readOnlySession). */
    public boolean readOnly() {
        return readOnlySession;
    }

    private void resume(ConnectRequest req) {
        long id = req.sessionId();
        if (!services.sessions().validate(id, req.passwd())) {
            LOG.info("refusing to resume session 0x{} from {}: expired, unknown or bad password",
                    Long.toHexString(id), address);
            writeConnectResponse(new ConnectResponse(0, 0, 0, new byte[16], false));
            closeAfterFlush("session 0x" + Long.toHexString(id) + " cannot be resumed");
            return;
        }
        Session s = services.sessions().get(id);
        sessionId = id;
        sessionTimeout = s.timeoutMs();
        var previous = s.connection();
        s.attach(this);
        if (previous != null && previous != this) {
            previous.close("session 0x" + Long.toHexString(id) + " moved to another connection");
        }
        services.sessions().touch(id);
        services.serving().resumed(id);
        writeConnectResponse(new ConnectResponse(0, s.timeoutMs(), id,
                services.sessions().passwordFor(id), false));
        flush();
    }

    private void request(JuteInput in) {
        if (readOnlySession) {
            readOnlyRequest(in);
            return;
        }
        if (sessionId == 0 || !services.sessions().touch(sessionId)) {
            // Requests before the ConnectResponse, or after the session expired.
            close("request on a connection without a live session");
            return;
        }
        RequestHeader h = RequestHeader.read(in);
        stats.operation(h.xid(), h.type());
        if (!auth.admit(h)) {
            return;
        }
        switch (h.type()) {
            case OpCode.PING -> {
                writeReply(PING_XID, services.pipeline().lastZxid(), 0, null);
                flush();
            }
            case OpCode.AUTH -> auth.authPacket(AuthPacket.read(in), address.getHostAddress());
            // ZooKeeper 3.9 takes check only inside a multi; alone it is an unknown request,
            // answered before the pipeline, so it takes no zxid.
            case OpCode.SASL -> auth.sasl(h, GetSASLRequest.read(in));
            case OpCode.CHECK -> unimplemented(h);
            case OpCode.CLOSE_SESSION -> {
                services.sessions().markClosing(sessionId);
                services.pipeline().submit(this, sessionId, h.xid(), h.type(),
                        RequestBodies.decode(h.type(), in), auth.ids());
            }
            default -> decodeAndSubmit(h, in);
        }
    }

    /** A read-only session's request: reads as usual, anything else refused (NOTREADONLY). */
    private void readOnlyRequest(JuteInput in) {
        RequestHeader h = RequestHeader.read(in);
        stats.operation(h.xid(), h.type());
        switch (h.type()) {
            case OpCode.PING -> {
                writeReply(PING_XID, services.pipeline().lastZxid(), 0, null);
                flush();
            }
            case OpCode.AUTH -> auth.authPacket(AuthPacket.read(in), address.getHostAddress());
            case OpCode.CLOSE_SESSION -> {
                writeReply(h.xid(), services.pipeline().lastZxid(), 0, null);
                closeAfterFlush("read-only session closed by client");
            }
            default -> {
                if (OpCode.isWrite(h.type()) || h.type() == OpCode.SYNC) {
                    writeReply(h.xid(), services.pipeline().lastZxid(),
                            ErrorCode.NOT_READ_ONLY.code(), null);
                    flush();
                } else if (auth.admit(h)) {
                    decodeAndSubmit(h, in);
                }
            }
        }
    }

    private void decodeAndSubmit(RequestHeader h, JuteInput in) {
        Record body;
        try {
            body = RequestBodies.decode(h.type(), in);
        } catch (DecodeException e) {
            if (!RequestBodies.isKnown(h.type())) {
                // Unknown op codes get an answer, as ZooKeeper gives them, and the session lives.
                LOG.info("unknown op code {} from session 0x{}", h.type(), Long.toHexString(sessionId));
                unimplemented(h);
                return;
            }
            throw e;
        }
        services.pipeline().submit(this, sessionId, h.xid(), h.type(), body, auth.ids());
    }

    private void unimplemented(RequestHeader h) {
        writeReply(h.xid(), services.pipeline().lastZxid(), ErrorCode.UNIMPLEMENTED.code(), null);
        flush();
    }

    private void answerFourLetterWord(String command) {
        handshakeTimeout.cancel(false);
        String answer = services.fourLetterWords().execute(command);
        ByteBuf text = channel.alloc().buffer(answer.length());
        text.writeCharSequence(answer, StandardCharsets.UTF_8);
        channel.writeAndFlush(text).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() instanceof DecodeException ? cause.getCause() : cause;
        if (root instanceof DecodeException) {
            close("bad input: " + root.getMessage());
        } else if (root instanceof java.io.IOException) {
            close("I/O error: " + root.getMessage());
        } else {
            LOG.warn("unexpected error on connection from {}", address, root);
            close("internal error: " + root);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel(false);
        }
        if (counted) {
            services.connections().release(this, address);
        }
        services.watches().removeWatcher(this);
        services.pipeline().disconnected(this);
        Session s = sessionId == 0 ? null : services.sessions().get(sessionId);
        if (s != null) {
            s.detach(this);
        }
        ctx.fireChannelInactive();
    }

    // ---- ClientChannel: called from the reply thread (and this connection's I/O thread) ----

    @Override
    public void writeReply(int xid, long zxid, int err, Record body) {
        stats.replied(zxid, System.currentTimeMillis());
        write(new ReplyHeader(xid, zxid, err), body);
    }

    @Override
    public void writeConnectResponse(ConnectResponse response) {
        write(null, response);
    }

    @Override
    public void sendEvent(WatcherEvent event) {
        write(new ReplyHeader(NOTIFICATION_XID, -1L, 0), event);
    }

    private void write(Record header, Record body) {
        if (!channel.isActive()) {
            return;
        }
        stats.sent();
        services.stats().packetSent();
        if (channel.eventLoop().inEventLoop()) {
            ByteBuf buf = channel.alloc().ioBuffer();
            Frames.writeFrame(buf, header, body);
            services.stats().responseSent(buf.readableBytes() - Integer.BYTES);
            channel.write(buf, channel.voidPromise());
            return;
        }
        if (replyBatch == null) {
            replyBatch = channel.alloc().ioBuffer(REPLY_BATCH_INITIAL);
        }
        int before = replyBatch.writerIndex();
        Frames.writeFrame(replyBatch, header, body);
        services.stats().responseSent(replyBatch.writerIndex() - before - Integer.BYTES);
        if (replyBatch.readableBytes() >= REPLY_BATCH_LIMIT) {
            // A batch of large replies is passed on in slices rather than held in one buffer.
            channel.write(replyBatch, channel.voidPromise());
            replyBatch = null;
        }
    }

    @Override
    public void flush() {
        if (channel.eventLoop().inEventLoop()) {
            channel.flush();
            return;
        }
        ByteBuf batch = replyBatch;
        replyBatch = null;
        if (batch != null) {
            channel.writeAndFlush(batch, channel.voidPromise());
        } else {
            channel.flush();
        }
    }

    @Override
    public void closeAfterFlush(String reason) {
        // Routine (a client's own close, on the reply thread): DEBUG, as ZooKeeper logs it; an
        // expiry is logged where it is decided.
        LOG.debug("closing connection from {} (session 0x{}): {}", address,
                Long.toHexString(sessionId), reason);
        if (!channel.eventLoop().inEventLoop()) {
            flush(); // what the reply thread gathered goes out before the close
        }
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void close(String reason) {
        if (channel.isOpen()) {
            LOG.info("closing connection from {} (session 0x{}): {}", address,
                    Long.toHexString(sessionId), reason);
            channel.close();
        }
    }

    @Override
    public void completed(long latencyNanos) {
        stats.completed(latencyNanos);
        services.stats().requestCompleted(latencyNanos);
    }

    @Override
    public WriteFence writeFence() {
        return writeFence;
    }

    @Override
    public RequestBacklog backlog() {
        return backlog;
    }

    @Override
    public void setReading(boolean reading) {
        pipelineWantsReads = reading;
        channel.config().setAutoRead(pipelineWantsReads && repliesDrained);
    }

    /**
     * A client that leaves more than connection.maxPendingBytes of replies unread is not read
     * either until it catches up (and {@link PendingBytesGuard} closes it if it never does).
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        repliesDrained = channel.isWritable();
        channel.config().setAutoRead(pipelineWantsReads && repliesDrained);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void runOnIoThread(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down with the server: the connection is going too.
        }
    }

    /** ZooKeeper 3.9 delivers a watch event only to a watcher allowed to read the node. */
    @Override
    public boolean mayRead(List<ACL> acl) {
        return services.acl().allowed(acl, ACL.Perms.READ, auth.ids());
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    public int sessionTimeout() {
        return sessionTimeout;
    }

    public InetSocketAddress remoteAddress() {
        return channel == null ? null : (InetSocketAddress) channel.remoteAddress();
    }

    public ConnectionStats stats() {
        return stats;
    }

    /** [ops] False while the pipeline has paused reading this connection (a ring was full). */
    public boolean isReading() {
        return channel != null && channel.config().isAutoRead();
    }

    /** Starts this connection's counters afresh (the crst four-letter word). */
    public void resetStats() {
        stats = new ConnectionStats();
    }
}
