package io.paddock.server.compat;

/** {@link AclContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class AclZooKeeperTest extends AclContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
