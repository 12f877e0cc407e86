package io.paddock.recipes.discovery;

import io.paddock.client.testing.ZooKeeperTestServer;
import io.paddock.client.testing.TestServer;

/** {@link DiscoveryContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperDiscoveryTest extends DiscoveryContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperTestServer(tickTime);
    }
}
