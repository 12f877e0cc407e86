package io.paddock.server.compat;

/** {@link ContainerTtlContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class ContainerTtlZooKeeperTest extends ContainerTtlContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
