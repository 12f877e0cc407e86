package io.paddock.recipes.discovery;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link DiscoveryContract} against Paddock's server. */
class PaddockDiscoveryTest extends DiscoveryContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
