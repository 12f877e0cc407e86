package io.paddock.zab.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import io.paddock.zab.message.PeerMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election port: one connection per pair of servers, carrying every
 * {@link PeerMessage} between them, so each pair has one FIFO channel.
 *
 * <p><b>Which side keeps the connection</b> (ZooKeeper's rule in {@code QuorumCnxManager}): only a
 * connection opened by the larger id is kept. The larger id dials every smaller one, and redials
 * with a capped doubling backoff after a failure or a loss. A smaller id that has messages for a
 * larger one and no connection "knocks": it opens a connection and says Hello; the larger id
 * closes that connection and dials back at once (ZooKeeper's receiver drops a connection from a
 * smaller id and connects back). A knock arriving while the larger id believes it has a connection
 * makes it write a Hello on that connection: if the connection is half-open the write fails and
 * it redials; if it is alive the smaller id ignores the extra Hello. A smaller id knocks only
 * after {@code reconnectMin} without a connection, so a dial already under way usually wins;
 * its first knock after it starts goes at once, because the larger id, which lost it, is then
 * waiting out its own backoff (a restarted server joined its election that much later).
 *
 * <p>A connection counts as established once both Hellos are exchanged; its loss is reported
 * through {@link TransportListener#disconnected}. A new connection from a larger id replaces the
 * old one (reported as a loss first), and frames still buffered on a replaced connection are
 * dropped, so messages are lost across a reconnect but never reordered.
 *
 * <p>Threading: every field is touched only on one event loop; {@link #send} and {@link #close}
 * hop onto it. The listener is called on that loop.
 */
final class ElectionLinks {
    private static final Logger LOG = LoggerFactory.getLogger(ElectionLinks.class);
    private static final AttributeKey<Link> PEER = AttributeKey.valueOf("paddock.zab.peer");
    private static final WriteBufferWaterMark WATER_MARK =
            new WriteBufferWaterMark(8 << 20, 64 << 20);

    private final TransportConfig config;
    private final long myId;
    private final EventLoop loop;
    private final Map<Long, Link> links = new HashMap<>();
    private final Bootstrap dialer;
    private TransportListener listener;
    private Channel server;
    private boolean closed;
    private long dropped;
    /** Messages encoded for each connection since its last flush; on the loop. */
    private final Map<Channel, ByteBuf> unflushed = new LinkedHashMap<>();
    private boolean flushQueued;

    ElectionLinks(TransportConfig config, EventLoop loop) {
        this.config = config;
        this.myId = config.myId();
        this.loop = loop;
        for (PeerAddress peer : config.peers().values()) {
            if (peer.id() != myId) {
                links.put(peer.id(), new Link(peer.id(), peer.electionAddress(),
                        new Backoff(config.reconnectMin(), config.reconnectMax())));
            }
        }
        this.dialer = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
    }

    /** Binds the election port (blocking until bound) and starts dialing the smaller ids. */
    void start(TransportListener listener) throws InterruptedException {
        // Set before the port opens: a peer may connect and talk at once. The bind runs on the
        // loop, after this write.
        this.listener = listener;
        ServerBootstrap accept = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(initializer(0, null));
        server = accept.bind(PeerAddress.bindable(config.me().electionAddress())).sync().channel();
        LOG.info("server {} listens for peers on election address {}", myId, server.localAddress());
        loop.execute(() -> {
            for (Link link : links.values()) {
                if (dials(link)) {
                    dial(link);
                }
            }
        });
    }

    /** The Hello this server says. */
    Hello hello() {
        return new Hello(PeerMessageCodec.VERSION, myId);
    }

    /**
     * Queues {@code messages} for sending, in order; callable from any thread.
     *
     * <p>Each connection's messages are encoded into one buffer, written and flushed by a task
     * queued behind the sends already waiting on the loop: a busy leader's sends (a proposal
     * per request, a commit per ack round, a learner's forward per request) share one buffer
     * and one socket write per connection instead of a buffer and a write each, which cost the
     * transport thread more than the messages themselves. An idle loop flushes at once.
     */
    void send(List<PeerMessage> messages) {
        loop.execute(() -> {
            for (PeerMessage m : messages) {
                Channel ch = sendOne(m);
                if (ch != null) {
                    append(ch, m);
                }
            }
            if (!unflushed.isEmpty() && !flushQueued) {
                flushQueued = true;
                loop.execute(this::flushUnflushed);
            }
        });
    }

    private void append(Channel ch, PeerMessage m) {
        ByteBuf out = unflushed.computeIfAbsent(ch, c -> c.alloc().ioBuffer());
        int mark = out.writerIndex();
        try {
            PeerMessageCodec.encode(m, out);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            LOG.warn("server {} cannot encode a message to server {}; dropped: {}", myId,
                    m.to(), m, e);
        }
    }

    private void flushUnflushed() {
        flushQueued = false;
        if (closed) {
            return; // close() released them
        }
        unflushed.forEach((ch, out) -> {
            if (out.isReadable()) {
                ch.writeAndFlush(out, ch.voidPromise()); // released by Netty, written or not
            } else {
                out.release();
            }
        });
        unflushed.clear();
    }

    /** Closes every connection and the port; waits for it. */
    void close() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.submit(() -> {
            closed = true;
            unflushed.values().forEach(ByteBuf::release);
            unflushed.clear();
            List<Channel> open = new ArrayList<>();
            for (Link link : links.values()) {
                link.cancelTimer();
                link.clearPending();
                if (link.established != null) {
                    open.add(link.established);
                }
                if (link.attempt != null) {
                    open.add(link.attempt);
                }
            }
            if (server != null) {
                open.add(server);
            }
            open.forEach(Channel::close);
        }).syncUninterruptibly();
    }

    /** A Hello arrived on {@code ch}; {@code dialed} is the id it was opened to, or 0. */
    void onHello(Channel ch, Hello hello, long dialed) {
        if (hello.version() != PeerMessageCodec.VERSION) {
            refuse(ch, "it speaks wire version " + hello.version() + ", this server "
                    + PeerMessageCodec.VERSION);
            return;
        }
        Link link = links.get(hello.id());
        if (link == null) {
            refuse(ch, "server id " + hello.id() + " is not in this server's ensemble "
                    + config.peers().keySet() + (hello.id() == myId ? " (it is this server's own id)" : ""));
            return;
        }
        if (dialed != 0) {
            if (hello.id() != dialed) {
                refuse(ch, "dialed server " + dialed + " but server " + hello.id() + " answered");
            } else if (link.attempt == ch && dials(link)) {
                establish(link, ch);
            }
            return;
        }
        if (ch.attr(PEER).get() != null) {
            return; // a probe on a live connection (see the class comment)
        }
        if (hello.id() < myId) {
            onKnock(ch, link);
        } else {
            accept(ch, link);
        }
    }

    /** A message arrived on {@code ch}. */
    void onMessage(Channel ch, PeerMessage m) {
        Link link = ch.attr(PEER).get();
        if (link == null || link.established != ch) {
            if (link == null) {
                refuse(ch, "a message before Hello: " + m);
            }
            return; // a replaced connection's leftovers: dropped to keep the pair FIFO
        }
        if (m.from() != link.id || m.to() != myId) {
            refuse(ch, "server " + link.id + " sent a message from " + m.from() + " to "
                    + m.to() + ": " + m);
            return;
        }
        listener.received(m);
    }

    /** Where {@code m} goes now: a live connection, or null (delivered here, queued or dropped). */
    private Channel sendOne(PeerMessage m) {
        if (closed) {
            return null;
        }
        if (m.to() == myId) {
            listener.received(m);
            return null;
        }
        Link link = links.get(m.to());
        if (link == null) {
            LOG.warn("dropping a message to server {}, which is not in the ensemble: {}", m.to(), m);
            return null;
        }
        Channel ch = link.established;
        if (ch == null) {
            link.queue(m, config.maxPendingMessages(), config.maxPendingBytes());
            wantConnection(link);
            return null;
        }
        if (!ch.isWritable()) {
            if (dropped++ % 10_000 == 0) {
                LOG.warn("server {} reads too slowly: over {} bytes queued for it, dropping"
                        + " messages ({} so far)", link.id, WATER_MARK.high(), dropped);
            }
            return null;
        }
        return ch;
    }

    private boolean dials(Link link) {
        return myId > link.id;
    }

    private void wantConnection(Link link) {
        if (link.attempt != null || link.timer != null) {
            return;
        }
        if (dials(link)) {
            dial(link);
        } else if (!link.knocked) {
            knock(link);
        } else {
            schedule(link);
        }
    }

    private void dial(Link link) {
        if (closed || link.established != null || link.attempt != null) {
            return;
        }
        link.cancelTimer();
        ChannelFuture connect = dialer.clone().handler(initializer(link.id, link.address)).connect(link.address);
        Channel ch = connect.channel();
        link.attempt = ch;
        ch.attr(PEER).set(link);
        ch.closeFuture().addListener(f -> onClosed(link, ch));
        // A peer that accepts but never answers Hello must not hold the attempt for ever.
        loop.schedule(() -> {
            if (link.attempt == ch) {
                LOG.info("no Hello from server {} at {} within {}; closing", link.id, link.address,
                        config.connectTimeout());
                ch.close();
            }
        }, 2 * config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onKnock(Channel knock, Link link) {
        knock.close();
        if (link.established != null) {
            link.established.writeAndFlush(hello());
        } else if (link.attempt == null) {
            link.backoff.reset();
            dial(link);
        }
    }

    private void accept(Channel ch, Link link) {
        Channel old = link.established;
        ch.attr(PEER).set(link);
        link.established = ch;
        if (old != null) {
            LOG.info("server {} connected again; replacing its old connection", link.id);
            old.close();
            listener.disconnected(link.id);
        }
        ch.closeFuture().addListener(f -> onClosed(link, ch));
        ch.write(hello());
        established(link, ch);
    }

    private void establish(Link link, Channel ch) {
        link.attempt = null;
        link.established = ch;
        established(link, ch);
    }

    private void established(Link link, Channel ch) {
        link.cancelTimer();
        link.backoff.reset();
        LOG.info("server {} connected to server {} ({})", myId, link.id, ch.remoteAddress());
        for (PeerMessage m = link.poll(); m != null; m = link.poll()) {
            ch.write(m, ch.voidPromise());
        }
        ch.flush();
    }

    private void onClosed(Link link, Channel ch) {
        if (closed) {
            return;
        }
        if (link.established == ch) {
            link.established = null;
            LOG.info("server {} lost its connection to server {}", myId, link.id);
            listener.disconnected(link.id);
        } else if (link.attempt == ch) {
            link.attempt = null;
        } else {
            return;
        }
        if (dials(link) || !link.pending.isEmpty()) {
            schedule(link);
        }
    }

    /** The next dial (larger id) or knock (smaller id), after the link's backoff. */
    private void schedule(Link link) {
        if (closed || link.timer != null || link.established != null) {
            return;
        }
        link.timer = loop.schedule(() -> {
            link.timer = null;
            if (dials(link)) {
                dial(link);
            } else {
                knock(link);
            }
        }, link.backoff.nextDelayNanos(), TimeUnit.NANOSECONDS);
    }

    private void knock(Link link) {
        if (closed || link.established != null || link.attempt != null || link.pending.isEmpty()) {
            return;
        }
        link.knocked = true;
        ChannelFuture connect = dialer.clone().handler(initializer(link.id, link.address)).connect(link.address);
        Channel ch = connect.channel();
        link.attempt = ch;
        ch.closeFuture().addListener(f -> onClosed(link, ch));
        loop.schedule(() -> {
            if (link.attempt == ch) {
                ch.close(); // the larger id closes a knock; one that lingers is closed here
            }
        }, 2 * config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void refuse(Channel ch, String reason) {
        LOG.warn("server {} closes the election connection with {}: {}", myId, ch.remoteAddress(),
                reason);
        ch.close();
    }

    /** @param address the address dialled, or null for accepted connections */
    private ChannelInitializer<SocketChannel> initializer(long dialed, InetSocketAddress address) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (address == null) {
                    TlsHandlers.accepted(ch, config);
                    PeerAuthHandler.accepted(ch, config, "election");
                } else {
                    TlsHandlers.dialled(ch, config, address);
                    PeerAuthHandler.dialled(ch, config, dialed, address, "election");
                }
                ch.pipeline().addLast(
                        new FrameDecoder(config.maxFrameBytes(), PeerMessageCodec::decode,
                                "election connection of server " + myId),
                        FrameEncoder.INSTANCE,
                        new ElectionHandler(ElectionLinks.this, dialed));
            }
        };
    }
}
