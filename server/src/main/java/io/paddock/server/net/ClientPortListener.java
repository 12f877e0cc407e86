package io.paddock.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.auth.CertificateAuthProvider;
import io.paddock.server.auth.ServerAuth;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.TlsConfig;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.net.tls.ReloadingSslContext;
import io.paddock.server.net.tls.TlsIdentityHandler;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.watch.WatchManager;
import java.net.InetSocketAddress;

/**
 * The client ports: a Netty server whose every connection gets a frame decoder and a
 * {@link ClientConnection}, on the plaintext port (clientPort) and, when configured, the
 * secure port (secureClientPort), whose connections first go through TLS. Both share the
 * event loops, sessions and the per-address connection limit. Thread-safe start and stop.
 */
public final class ClientPortListener implements AutoCloseable {
    private final ClientServices services;
    private final IoGroups groups;
    private final ReloadingSslContext tls;
    private final CertificateAuthProvider certificates;
    private Channel serverChannel;
    private Channel secureChannel;
    private InetSocketAddress plainAddress;
    private InetSocketAddress secureAddress;

    /**
     * @param serving whether sessions are taken now (an ensemble member only while it has a
     *     leader)
     * @param groups the event loops, owned by this listener from now on (closed with it) */
    public ClientPortListener(ServerConfig config, IoGroups groups, RequestPipeline pipeline,
            SessionTracker sessions, ServerAuth auth, WatchManager watches,
            FourLetterWords fourLetterWords, ConnectionRegistry connections, ServerStats stats,
            ServingState serving) {
        this.services = new ClientServices(config, pipeline, sessions, auth.registry(),
                new AclChecker(auth.registry()), watches,
                fourLetterWords, connections, stats, auth, serving);
        this.groups = groups;
        TlsConfig tlsConfig = config.security().clientTls();
        this.tls = tlsConfig == null ? null : new ReloadingSslContext(tlsConfig);
        this.certificates = tlsConfig == null ? null
                : (CertificateAuthProvider) auth.registry().provider(tlsConfig.authProviderScheme());
    }

    /** Binds the configured ports; returns the plaintext one's address, null when it has none. */
    public InetSocketAddress bind() throws InterruptedException {
        ServerConfig config = services.config();
        if (config.hasPlainClientPort()) {
            serverChannel = bootstrap(false).bind(resolved(config.clientAddress())).sync().channel();
            plainAddress = (InetSocketAddress) serverChannel.localAddress();
        }
        if (tls != null) {
            secureChannel = bootstrap(true)
                    .bind(resolved(tls.config().secureClientAddress())).sync().channel();
            secureAddress = (InetSocketAddress) secureChannel.localAddress();
        }
        return plainAddress;
    }

    /** The bound secure port's address, or null when there is none. */
    public InetSocketAddress secureAddress() {
        return secureAddress;
    }

    private ServerBootstrap bootstrap(boolean secure) {
        int maxFrame = services.config().juteMaxBuffer();
        long maxPending = services.config().limits().maxPendingBytes();
        ServerBootstrap b = new ServerBootstrap()
                .group(groups.boss(), groups.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true);
        // Unwritable means past connection.maxPendingBytes (and never, with no limit): the
        // connection then stops reading requests until its client catches up.
        long high = maxPending > 0 ? Math.min(Integer.MAX_VALUE, maxPending) : Integer.MAX_VALUE;
        b.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark((int) (high / 2), (int) high));
        return b.childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (maxPending > 0) {
                            ch.pipeline().addLast("pending-bytes", new PendingBytesGuard(
                                    maxPending, maxFrame, services.config().tickTime()));
                        }
                        if (secure) {
                            ch.pipeline().addLast("tls", tls.current().newHandler(ch.alloc()));
                            ch.pipeline().addLast("tls-identity", new TlsIdentityHandler(certificates));
                        }
                        ch.pipeline().addLast("frames", new ClientFrameDecoder(maxFrame));
                        ch.pipeline().addLast("connection", new ClientConnection(services));
                    }
                });
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (secureChannel != null) {
            secureChannel.close().syncUninterruptibly();
        }
        if (tls != null) {
            tls.close();
        }
        groups.close();
    }
}
