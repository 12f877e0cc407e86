package io.paddock.recipes.locks;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link LocksContract} against Paddock's server. */
class PaddockLocksTest extends LocksContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
