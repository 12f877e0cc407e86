package io.paddock.recipes.discovery;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link DiscoveryContract} against Paddock's server. */
class PaddockDiscoveryTest extends DiscoveryContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
