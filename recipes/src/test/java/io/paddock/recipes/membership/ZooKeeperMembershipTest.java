package io.paddock.recipes.membership;

import io.paddock.recipes.testing.ZooKeeperServer;
import io.paddock.recipes.testing.TestServer;

/** {@link MembershipContract} against Apache ZooKeeper 3.9.5. */
class ZooKeeperMembershipTest extends MembershipContract {
    @Override
    protected TestServer startServer(int tickTime) {
        return new ZooKeeperServer(tickTime);
    }
}
