package io.paddock.recipes.leader;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link LeaderContract} against Paddock's server. */
class PaddockLeaderTest extends LeaderContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
