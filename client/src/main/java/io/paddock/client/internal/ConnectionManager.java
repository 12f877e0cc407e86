package io.paddock.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.paddock.client.ConnectionState;
import io.paddock.client.exception.ConnectionLossException;
import io.paddock.client.exception.MarshallingErrorException;
import io.paddock.client.exception.PaddockException;
import io.paddock.client.exception.SessionExpiredException;
import io.paddock.protocol.AuthPacket;
import io.paddock.protocol.ConnectRequest;
import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.Record;
import io.paddock.protocol.WatcherEvent;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.Frames;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session over a succession of TCP connections: connects to the next host, performs the
 * handshake (resuming the session with its id and password), re-sends credentials and watches,
 * pipelines requests and matches replies to them in order, pings when idle, and reconnects when a
 * connection is lost.
 *
 * <p>Threading: everything below runs on one Netty event loop, the I/O thread; {@link #submit}
 * may be called from any thread. Requests are encoded straight into pooled buffers on the I/O
 * thread and written without a flush; one flush per batch of submissions follows.
 */
public final class ConnectionManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);
    private static final int NOTIFICATION_XID = -1;
    private static final int PING_XID = -2;
    private static final int AUTH_XID = -4;
    private static final int SET_WATCHES_XID = -8;

    private final ClientSettings settings;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final HostList hosts;
    private final WatchRegistry watches;
    private final ConnectionListener listener;
    private final List<AuthInfo> auths;

    private final ArrayDeque<Call<?>> pending = new ArrayDeque<>();
    private final ArrayDeque<Call<?>> outgoing = new ArrayDeque<>();
    private Channel channel;
    private boolean handshakeDone;
    private long sessionId;
    private byte[] passwd = new byte[16];
    private int negotiatedTimeoutMs;
    private volatile long lastZxid;
    private int nextXid = 1;
    private boolean everConnected;
    private boolean suspended;
    private boolean lost;
    private boolean closing;
    private boolean flushPending;
    private ScheduledFuture<?> lostTimer;
    private ScheduledFuture<?> handshakeTimer;

    ConnectionManager(ClientSettings settings, WatchRegistry watches, ConnectionListener listener) {
        this.settings = settings;
        this.watches = watches;
        this.listener = listener;
        this.auths = new CopyOnWriteArrayList<>(settings.auths());
        this.hosts = new HostList(settings.connectString().hosts(), settings.random());
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.loop = group.next();
        int attemptMs = Math.max(100, settings.connectionTimeoutMs() / hosts.size());
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, attemptMs)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(
                                settings.maxFrameBytes(), 0, 4, 0, 4));
                        ch.pipeline().addLast("handler", new ClientChannelHandler(
                                ConnectionManager.this));
                    }
                });
    }

    EventLoop loop() {
        return loop;
    }

    void start() {
        loop.execute(this::connect);
    }

    long lastZxid() {
        return lastZxid;
    }

    /** Queues a request; it fails with connection loss if no connection comes in time. */
    void submit(Call<?> call) {
        try {
            if (loop.inEventLoop()) {
                enqueue(call);
            } else {
                loop.execute(() -> enqueue(call));
            }
        } catch (RejectedExecutionException e) {
            call.future.completeExceptionally(new IllegalStateException("the client is closed"));
        }
    }

    /** Adds credentials now (if connected) and after every reconnect. */
    void addAuth(AuthInfo auth) {
        auths.add(auth);
        loop.execute(() -> {
            if (handshakeDone) {
                writeFrame(channel, AUTH_XID, OpCode.AUTH,
                        new AuthPacket(0, auth.scheme(), auth.auth()));
            }
        });
    }

    private void enqueue(Call<?> call) {
        if (closing && call.opCode != OpCode.CLOSE_SESSION) {
            call.future.completeExceptionally(new IllegalStateException("the client is closed"));
        } else if (handshakeDone) {
            send(call);
        } else {
            outgoing.add(call);
            loop.schedule(() -> {
                if (outgoing.remove(call)) {
                    call.future.completeExceptionally(new ConnectionLossException(call.path));
                }
            }, settings.connectionTimeoutMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void send(Call<?> call) {
        call.xid = nextXid;
        nextXid = nextXid == Integer.MAX_VALUE ? 1 : nextXid + 1;
        pending.add(call);
        writeFrame(channel, call.xid, call.opCode, call.request);
    }

    private void writeFrame(Channel ch, int xid, int opCode, Record body) {
        ByteBuf buf = ch.alloc().ioBuffer();
        int start = buf.writerIndex();
        buf.writeInt(0);
        buf.writeInt(xid);
        buf.writeInt(opCode);
        if (body != null) {
            body.write(new JuteOutput(buf));
        }
        buf.setInt(start, buf.writerIndex() - start - 4);
        ch.write(buf, ch.voidPromise());
        requestFlush();
    }

    /** One flush after the submissions already queued on the loop: batching without timers. */
    private void requestFlush() {
        if (!flushPending) {
            flushPending = true;
            loop.execute(() -> {
                flushPending = false;
                if (channel != null) {
                    channel.flush();
                }
            });
        }
    }

    private void connect() {
        if (closing) {
            return;
        }
        InetSocketAddress host = hosts.next();
        InetSocketAddress address = new InetSocketAddress(host.getHostString(), host.getPort());
        ChannelFuture f = bootstrap.connect(address);
        Channel ch = f.channel();
        channel = ch;
        handshakeDone = false;
        f.addListener(done -> {
            if (!done.isSuccess()) {
                LOG.debug("cannot connect to {}: {}", address, done.cause().toString());
                onClosed(ch);
            }
        });
    }

    void onActive(Channel ch) {
        if (ch != channel) {
            ch.close();
            return;
        }
        ConnectRequest request = new ConnectRequest(0, lastZxid, settings.sessionTimeoutMs(),
                sessionId, passwd, settings.canBeReadOnly());
        ByteBuf buf = ch.alloc().ioBuffer();
        Frames.writeFrame(buf, null, request);
        ch.writeAndFlush(buf, ch.voidPromise());
        handshakeTimer = loop.schedule(() -> {
            if (ch == channel && !handshakeDone) {
                LOG.debug("no handshake reply from {}", ch.remoteAddress());
                ch.close();
            }
        }, Math.max(100, settings.connectionTimeoutMs() / hosts.size()), TimeUnit.MILLISECONDS);
    }

    void onFrame(Channel ch, ByteBuf frame) {
        try {
            if (ch != channel) {
                return;
            }
            JuteInput in = new JuteInput(frame);
            if (!handshakeDone) {
                onConnectResponse(ch, ConnectResponse.read(in));
            } else {
                onReply(ch, in);
            }
        } catch (DecodeException e) {
            LOG.warn("closing connection to {}: {}", ch.remoteAddress(), e.getMessage());
            ch.close();
        } finally {
            frame.release();
        }
    }

    private void onConnectResponse(Channel ch, ConnectResponse r) {
        cancel(handshakeTimer);
        if (r.timeOut() <= 0) {
            LOG.info("session 0x{} expired", Long.toHexString(sessionId));
            expire();
            ch.close();
            return;
        }
        boolean resumed = sessionId != 0 && sessionId == r.sessionId();
        sessionId = r.sessionId();
        passwd = r.passwd();
        negotiatedTimeoutMs = r.timeOut();
        handshakeDone = true;
        hosts.connected();
        cancel(lostTimer);
        ch.pipeline().addFirst("idle", new IdleStateHandler(
                negotiatedTimeoutMs * 2L / 3, negotiatedTimeoutMs / 3L, 0, TimeUnit.MILLISECONDS));
        for (AuthInfo auth : auths) {
            writeFrame(ch, AUTH_XID, OpCode.AUTH, new AuthPacket(0, auth.scheme(), auth.auth()));
        }
        if (resumed && !watches.isEmpty()) {
            writeFrame(ch, SET_WATCHES_XID, OpCode.SET_WATCHES2, watches.toSetWatches(lastZxid));
        }
        ConnectionState state = r.readOnly() ? ConnectionState.READ_ONLY
                : everConnected ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED;
        everConnected = true;
        suspended = false;
        lost = false;
        listener.stateChanged(state);
        for (Call<?> call = outgoing.poll(); call != null; call = outgoing.poll()) {
            send(call);
        }
    }

    private void onReply(Channel ch, JuteInput in) {
        int xid = in.readInt();
        long zxid = in.readLong();
        int err = in.readInt();
        if (zxid > 0) {
            lastZxid = zxid;
        }
        switch (xid) {
            case NOTIFICATION_XID -> {
                WatcherEvent event = WatcherEvent.read(in);
                listener.watchEvent(event.type(), event.path());
            }
            case PING_XID, SET_WATCHES_XID -> {
                // Nothing to do: their arrival already proved the connection alive.
            }
            case AUTH_XID -> {
                if (err != 0) {
                    LOG.warn("authentication failed: {}", ErrorCode.of(err));
                }
            }
            default -> {
                Call<?> call = pending.poll();
                if (call == null || call.xid != xid) {
                    LOG.warn("reply xid {} does not match the oldest request; closing", xid);
                    if (call != null) {
                        pending.addFirst(call);
                    }
                    ch.close();
                    return;
                }
                complete(call, err, in);
            }
        }
    }

    private <T> void complete(Call<T> call, int err, JuteInput in) {
        if (err == 0) {
            T value;
            try {
                value = call.reader == null ? null : call.reader.read(in);
            } catch (DecodeException e) {
                call.future.completeExceptionally(new MarshallingErrorException(call.path));
                throw e;
            }
            if (call.watch != null) {
                watches.register(call.watch);
            }
            call.future.complete(value);
        } else if (err == ErrorCode.NO_NODE.code() && call.nullOnNoNode) {
            if (call.watch != null) {
                watches.register(new WatchRegistration(WatchKind.EXIST,
                        call.watch.serverPath(), call.watch.watcher()));
            }
            call.future.complete(null);
        } else {
            call.future.completeExceptionally(PaddockException.of(err, call.path));
        }
    }

    void onIdle(Channel ch, IdleStateEvent idle) {
        if (ch != channel || !handshakeDone) {
            return;
        }
        if (idle.state() == IdleState.READER_IDLE) {
            LOG.info("nothing heard from {} for {} ms; reconnecting", ch.remoteAddress(),
                    negotiatedTimeoutMs * 2 / 3);
            ch.close();
        } else if (idle.state() == IdleState.WRITER_IDLE) {
            writeFrame(ch, PING_XID, OpCode.PING, null);
        }
    }

    void onClosed(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        boolean wasUp = handshakeDone;
        handshakeDone = false;
        cancel(handshakeTimer);
        failAll(pending, ConnectionLossException::new);
        if (closing) {
            failAll(outgoing, ConnectionLossException::new);
            return;
        }
        if (wasUp && !suspended && !lost) {
            suspended = true;
            listener.stateChanged(ConnectionState.SUSPENDED);
            lostTimer = loop.schedule(this::sessionTimedOut, negotiatedTimeoutMs,
                    TimeUnit.MILLISECONDS);
        }
        long pause = wasUp ? 0 : hosts.failedPauseMillis();
        loop.schedule(this::connect, pause, TimeUnit.MILLISECONDS);
    }

    /** Cut off for a whole session timeout: the server has surely expired the session. */
    private void sessionTimedOut() {
        if (!handshakeDone && !closing) {
            LOG.info("disconnected for the session timeout; session 0x{} is lost",
                    Long.toHexString(sessionId));
            expire();
        }
    }

    private void expire() {
        sessionId = 0;
        passwd = new byte[16];
        cancel(lostTimer);
        failAll(pending, SessionExpiredException::new);
        failAll(outgoing, SessionExpiredException::new);
        if (!lost) {
            lost = true;
            suspended = false;
            listener.stateChanged(ConnectionState.LOST);
            listener.sessionExpired();
        }
    }

    private static void failAll(ArrayDeque<Call<?>> calls, Function<String, Exception> error) {
        for (Call<?> call = calls.poll(); call != null; call = calls.poll()) {
            call.future.completeExceptionally(error.apply(call.path));
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /**
     * Closes the session (if connected, waits up to {@code waitMs} for the server to confirm),
     * then the connection and the I/O thread. Call from outside the I/O thread.
     */
    void close(long waitMs) {
        Call<Void> closeCall = new Call<>(OpCode.CLOSE_SESSION, null, null, null, null, false);
        try {
            loop.execute(() -> {
                closing = true;
                failAll(outgoing, ConnectionLossException::new);
                if (handshakeDone) {
                    send(closeCall);
                } else {
                    closeCall.future.complete(null);
                }
            });
            closeCall.future.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("closing the session: {}", e.toString());
        }
        try {
            loop.submit(() -> {
                if (channel != null) {
                    channel.close();
                }
            }).await(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            LOG.debug("already closed");
        }
        group.shutdownGracefully(0, waitMs, TimeUnit.MILLISECONDS).awaitUninterruptibly(waitMs);
    }
}
