package io.paddock.recipes.config;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link ConfigContract} against Paddock's server. */
class PaddockConfigTest extends ConfigContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
