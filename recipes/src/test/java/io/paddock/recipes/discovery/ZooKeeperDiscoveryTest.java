package io.paddock.recipes.discovery;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link DiscoveryContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperDiscoveryTest extends DiscoveryContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
