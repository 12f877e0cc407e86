package io.paddock.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.watch.WatchManager;
import java.net.InetSocketAddress;

/**
 * The client port: a Netty server whose every connection gets a frame decoder and a
 * {@link ClientConnection}. Thread-safe start and stop.
 */
public final class ClientPortListener implements AutoCloseable {
    private final ClientServices services;
    private final IoGroups groups;
    private Channel serverChannel;

    /** @param groups the event loops, owned by this listener from now on (closed with it) */
    public ClientPortListener(ServerConfig config, IoGroups groups, RequestPipeline pipeline,
            SessionTracker sessions, AuthRegistry auth, WatchManager watches,
            FourLetterWords fourLetterWords, ConnectionRegistry connections, ServerStats stats) {
        this.services = new ClientServices(config, pipeline, sessions, auth,
                new AclChecker(auth), watches,
                fourLetterWords, connections, stats);
        this.groups = groups;
    }

    public InetSocketAddress bind() throws InterruptedException {
        ServerConfig config = services.config();
        ServerBootstrap b = new ServerBootstrap()
                .group(groups.boss(), groups.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("frames", new ClientFrameDecoder(config.juteMaxBuffer()));
                        ch.pipeline().addLast("connection", new ClientConnection(services));
                    }
                });
        InetSocketAddress address = config.clientAddress();
        if (address.isUnresolved()) {
            address = new InetSocketAddress(address.getHostString(), address.getPort());
        }
        serverChannel = b.bind(address).sync().channel();
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        groups.close();
    }
}
