package io.paddock.recipes.leader;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link LeaderContract} against Paddock's server. */
class PaddockLeaderTest extends LeaderContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
