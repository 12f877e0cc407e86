package io.paddock.recipes.config;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link ConfigContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperConfigTest extends ConfigContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
