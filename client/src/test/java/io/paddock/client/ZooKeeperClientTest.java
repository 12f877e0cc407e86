package io.paddock.client;

import io.paddock.client.testing.TestServer;
import io.paddock.client.testing.ZooKeeperTestServer;

/** The client contract against Apache ZooKeeper 3.9.5. */
class ZooKeeperClientTest extends ClientContract {
    @Override
    TestServer startServer(int tickTime) {
        return new ZooKeeperTestServer(tickTime);
    }
}
