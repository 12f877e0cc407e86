package io.paddock.recipes.coordination;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link CoordinationContract} against Paddock's server. */
class PaddockCoordinationTest extends CoordinationContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
