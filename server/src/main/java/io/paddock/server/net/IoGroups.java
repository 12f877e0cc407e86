package io.paddock.server.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;

/**
 * The client port's Netty event loops: one acceptor, and I/O workers (one per core, at least
 * two). Made on their own so a server can create them while it recovers its data.
 *
 * @param boss accepts connections
 * @param workers run every connection's reads and writes
 */
public record IoGroups(EventLoopGroup boss, EventLoopGroup workers) {

    public static IoGroups create() {
        return new IoGroups(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()),
                new MultiThreadIoEventLoopGroup(
                        Math.max(2, Runtime.getRuntime().availableProcessors()),
                        NioIoHandler.newFactory()));
    }

    /** Stops both groups, waiting up to two seconds for each. */
    public void close() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
