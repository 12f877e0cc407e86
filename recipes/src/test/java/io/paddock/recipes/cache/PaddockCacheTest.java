package io.paddock.recipes.cache;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link CacheContract} against Paddock's server. */
class PaddockCacheTest extends CacheContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
