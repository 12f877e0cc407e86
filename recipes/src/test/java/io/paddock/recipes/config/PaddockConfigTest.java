package io.paddock.recipes.config;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link ConfigContract} against Paddock's server. */
class PaddockConfigTest extends ConfigContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
