package io.paddock.recipes.locks;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link LocksContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperLocksTest extends LocksContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
