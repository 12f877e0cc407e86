package io.paddock.recipes.cache;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link CacheContract} against Paddock's server. */
class PaddockCacheTest extends CacheContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
