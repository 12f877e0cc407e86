package io.paddock.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** Apache ZooKeeper 3.9.5's standalone server, started from its jar in this JVM. */
public final class ZooKeeperTestServer implements TestServer {
    private final ZooKeeperServer zks;
    private final ServerCnxnFactory factory;

    public ZooKeeperTestServer(int tickTime) {
        try {
            Path dir = Files.createTempDirectory("zk-test");
            zks = new ZooKeeperServer(dir.toFile(), dir.toFile(), tickTime);
            // Ordinary test sessions may negotiate more than 20 ticks, so a loaded machine does
            // not time them out; expiry tests ask for short sessions explicitly.
            zks.setMaxSessionTimeout(TestServer.MAX_SESSION_TIMEOUT_MS);
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
    public boolean supportsTtl() {
        return false;
    }

    @Override
    public void close() {
        factory.shutdown();
        zks.shutdown();
    }
}
