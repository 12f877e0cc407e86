package io.paddock.recipes.config;

import io.paddock.client.testing.ZooKeeperTestServer;
import io.paddock.client.testing.TestServer;

/** {@link ConfigContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperConfigTest extends ConfigContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperTestServer(tickTime);
    }
}
