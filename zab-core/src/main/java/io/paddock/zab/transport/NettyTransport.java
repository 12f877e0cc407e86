package io.paddock.zab.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.paddock.zab.message.PeerMessage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer transport on Netty: the election port carries every {@link PeerMessage} of a pair over
 * one connection ({@link ElectionLinks}); the quorum port carries snapshot streams only
 * ({@link SnapshotSender}, {@link SnapshotReceiver}). Heartbeats are the core's own PINGs.
 *
 * <p>Each port has its own single event loop, so a snapshot being written to disk never delays a
 * vote or an ACK.
 *
 * <p>With {@link TransportConfig#tls()} set, every connection on both ports is mutual TLS
 * ({@link TlsHandlers}); a peer that speaks plaintext or presents an untrusted certificate never
 * gets past the handshake. With {@link TransportConfig#authenticator()} set, every connection
 * then runs its authentication exchange ({@link PeerAuthHandler}) before any ZAB or snapshot
 * frame.
 *
 * <p>Thread-safe.
 */
public final class NettyTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);

    private final TransportConfig config;
    private final Path incomingSnapshots;
    private EventLoopGroup electionGroup;
    private EventLoopGroup quorumGroup;
    private ElectionLinks links;
    private SnapshotSender sender;
    private Channel quorumServer;
    private volatile boolean closed;

    /**
     * @param config this server's id, the ensemble's addresses and the timing
     * @param incomingSnapshots the directory received snapshot streams are written to
     */
    public NettyTransport(TransportConfig config, Path incomingSnapshots) {
        this.config = config;
        this.incomingSnapshots = incomingSnapshots;
    }

    /**
     * Binds both ports, blocking until they are bound.
     *
     * @throws IllegalStateException if a port cannot be bound (naming the address)
     */
    @Override
    public synchronized void start(TransportListener listener) {
        long id = config.myId();
        removeStaleSnapshots();
        electionGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("zab-election-" + id, true), NioIoHandler.newFactory());
        quorumGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("zab-quorum-" + id, true), NioIoHandler.newFactory());
        links = new ElectionLinks(config, electionGroup.next());
        sender = new SnapshotSender(config, quorumGroup);
        try {
            links.start(listener);
            quorumServer = new ServerBootstrap().group(quorumGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            TlsHandlers.accepted(ch, config);
                            PeerAuthHandler.accepted(ch, config, "quorum");
                            ch.pipeline().addLast(
                                    new FrameDecoder(SnapshotFrames.MAX_FRAME, SnapshotFrames::decode,
                                            "snapshot stream of server " + id),
                                    new SnapshotReceiver(config, incomingSnapshots, listener));
                        }
                    })
                    .bind(PeerAddress.bindable(config.me().quorumAddress())).sync().channel();
            LOG.info("server {} listens for snapshot streams on quorum address {}", id,
                    quorumServer.localAddress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding server " + id + "'s ports", e);
        } catch (Exception e) { // bind() rethrows a BindException without declaring it
            close();
            throw new IllegalStateException("server " + id + " cannot bind its election address "
                    + config.me().electionAddress() + " or quorum address "
                    + config.me().quorumAddress() + ": " + e, e);
        }
    }

    /** Streams a previous run received (whole or not) belong to syncs that are over. */
    private void removeStaleSnapshots() {
        if (!Files.isDirectory(incomingSnapshots)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(incomingSnapshots,
                SnapshotReceiver.FILE_PREFIX + "*")) {
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not remove old snapshot streams from {}: {}", incomingSnapshots,
                    e.toString());
        }
    }

    @Override
    public void send(List<PeerMessage> messages) {
        if (!closed && !messages.isEmpty()) {
            links.send(messages);
        }
    }

    @Override
    public void sendSnapshot(long to, long zxid, byte[] snapshot) {
        if (!closed) {
            sender.send(to, zxid, snapshot);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sender != null) {
            sender.close();
        }
        if (links != null) {
            links.close();
        }
        if (quorumServer != null) {
            quorumServer.close().syncUninterruptibly();
        }
        for (EventLoopGroup group : new EventLoopGroup[] {electionGroup, quorumGroup}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
