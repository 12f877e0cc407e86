package io.paddock.recipes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;

/** Apache ZooKeeper 3.9.5's standalone server, from its jar. */
public final class ZooKeeperServer implements TestServer {
    private final org.apache.zookeeper.server.ZooKeeperServer zks;
    private final ServerCnxnFactory factory;

    public ZooKeeperServer(int tickTime) {
        try {
            Path dir = Files.createTempDirectory("zk-recipes");
            zks = new org.apache.zookeeper.server.ZooKeeperServer(dir.toFile(), dir.toFile(),
                    tickTime);
            factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
            factory.startup(zks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + factory.getLocalPort();
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", factory.getLocalPort());
    }

    @Override
    public void close() {
        factory.shutdown();
        zks.shutdown();
    }
}
