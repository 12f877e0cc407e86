package io.paddock.recipes.coordination;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link CoordinationContract} against Paddock's server. */
class PaddockCoordinationTest extends CoordinationContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
