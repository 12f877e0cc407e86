package io.paddock.recipes.coordination;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link CoordinationContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperCoordinationTest extends CoordinationContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
