package io.paddock.client.testing;

import io.paddock.server.testing.ZooKeeperReference;
import java.net.InetSocketAddress;

/** Apache ZooKeeper 3.9.5's standalone server in this JVM, as the shared test kit starts it. */
public final class ZooKeeperTestServer implements TestServer {
    private final ZooKeeperReference zooKeeper;

    public ZooKeeperTestServer(int tickTime) {
        // Ordinary test sessions may negotiate more than 20 ticks, so a loaded machine does not
        // time them out; expiry tests ask for short sessions explicitly.
        zooKeeper = ZooKeeperReference.builder().tickTime(tickTime)
                .maxSessionTimeout(TestServer.MAX_SESSION_TIMEOUT_MS).maxClientCnxns(100).start();
    }

    @Override
    public String connectString() {
        return zooKeeper.connectString();
    }

    @Override
    public InetSocketAddress address() {
        return zooKeeper.address();
    }

    @Override
    public boolean supportsTtl() {
        return false;
    }

    @Override
    public void close() {
        zooKeeper.close();
    }
}
