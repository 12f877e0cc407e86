package io.paddock.zab.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.paddock.zab.Zxids;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams snapshots to learners' quorum ports ({@link SnapshotFrames}) on its own thread, so the
 * driver that asked never waits for the network. It writes chunk after chunk and waits only when
 * the connection's buffer is full, so a slow learner slows its own stream and nothing else.
 * Streams go one at a time, in the order asked.
 *
 * <p>Thread-safe: {@link #send} from any thread; the streaming runs on one worker thread.
 */
final class SnapshotSender {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSender.class);

    private final TransportConfig config;
    private final Bootstrap bootstrap;
    private final ExecutorService worker;

    SnapshotSender(TransportConfig config, EventLoopGroup group) {
        this.config = config;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zab-snapshot-sender-" + config.myId());
            t.setDaemon(true);
            return t;
        });
    }

    void send(long to, long zxid, byte[] snapshot) {
        PeerAddress peer = config.peers().get(to);
        if (peer == null) {
            LOG.warn("no quorum address for server {}; snapshot at {} not sent", to,
                    Zxids.toHexString(zxid));
            return;
        }
        try {
            worker.execute(() -> stream(peer, zxid, snapshot));
        } catch (RejectedExecutionException e) {
            LOG.debug("transport closed; snapshot for server {} not sent", to);
        }
    }

    /** The receiver answers nothing but closing: the pipeline holds at most TLS and authentication. */
    private ChannelInitializer<SocketChannel> initializer(long id, InetSocketAddress to) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                TlsHandlers.dialled(ch, config, to);
                PeerAuthHandler.dialled(ch, config, id, to, "quorum");
            }
        };
    }

    void close() {
        worker.shutdownNow();
    }

    private void stream(PeerAddress peer, long zxid, byte[] snapshot) {
        Channel ch = null;
        try {
            ch = bootstrap.clone().handler(initializer(peer.id(), peer.quorumAddress()))
                    .connect(peer.quorumAddress()).sync().channel();
            SslHandler tls = ch.pipeline().get(SslHandler.class);
            if (tls != null) {
                tls.handshakeFuture().sync(); // a refused handshake is the error to report
            }
            PeerAuthHandler.authenticated(ch).sync();
            ByteBuf head = ch.alloc().buffer();
            SnapshotFrames.header(head, new SnapshotFrames.Header(SnapshotFrames.VERSION,
                    config.myId(), peer.id(), zxid, snapshot.length));
            ch.write(head);
            CRC32C crc = new CRC32C();
            crc.update(snapshot);
            for (int off = 0; off < snapshot.length; off += SnapshotFrames.CHUNK_BYTES) {
                int length = Math.min(SnapshotFrames.CHUNK_BYTES, snapshot.length - off);
                ByteBuf chunk = ch.alloc().buffer(length + 16);
                SnapshotFrames.chunk(chunk, snapshot, off, length);
                ChannelFuture written = ch.writeAndFlush(chunk);
                if (!ch.isWritable()) {
                    written.sync();
                }
            }
            ByteBuf end = ch.alloc().buffer();
            SnapshotFrames.end(end, new SnapshotFrames.End(snapshot.length, (int) crc.getValue()));
            ch.writeAndFlush(end).sync();
            // The receiver closes once it has the whole stream on disk.
            if (!ch.closeFuture().await(config.snapshotIdleTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("server {} did not close the snapshot stream at {} within {}", peer.id(),
                        Zxids.toHexString(zxid), config.snapshotIdleTimeout());
            }
            LOG.info("server {} streamed a {}-byte snapshot at {} to server {}", config.myId(),
                    snapshot.length, Zxids.toHexString(zxid), peer.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("snapshot stream at {} to server {} failed: {}", Zxids.toHexString(zxid),
                    peer.id(), e.toString());
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }
}
