package io.paddock.recipes.cache;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link CacheContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperCacheTest extends CacheContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
