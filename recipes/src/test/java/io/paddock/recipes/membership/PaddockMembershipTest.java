package io.paddock.recipes.membership;

import io.paddock.client.testing.PaddockTestServer;
import io.paddock.client.testing.TestServer;

/** {@link MembershipContract} against Paddock's server. */
class PaddockMembershipTest extends MembershipContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockTestServer(tickTime);
    }
}
