package io.paddock.recipes.locks;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link LocksContract} against Paddock's server. */
class PaddockLocksTest extends LocksContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
