package io.paddock.recipes.leader;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link LeaderContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperLeaderTest extends LeaderContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
