package io.paddock.recipes.membership;

import io.paddock.recipes.testing.PaddockServer;
import io.paddock.recipes.testing.TestServer;

/** {@link MembershipContract} against Paddock's server. */
class PaddockMembershipTest extends MembershipContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new PaddockServer(tickTime);
    }
}
