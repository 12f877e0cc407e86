package io.paddock.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
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
import java.util.concurrent.TimeUnit;

/**
 * The client port: a Netty server whose every connection gets a frame decoder and a
 * {@link ClientConnection}. Thread-safe start and stop.
 */
public final class ClientPortListener implements AutoCloseable {
    private final ClientServices services;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private Channel serverChannel;

    public ClientPortListener(ServerConfig config, RequestPipeline pipeline,
            SessionTracker sessions, AuthRegistry auth, WatchManager watches,
            FourLetterWords fourLetterWords, ConnectionRegistry connections, ServerStats stats) {
        this.services = new ClientServices(config, pipeline, sessions, auth,
                new AclChecker(auth), watches,
                fourLetterWords, connections, stats);
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(
                Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
    }

    public InetSocketAddress bind() throws InterruptedException {
        ServerConfig config = services.config();
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
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
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
