package io.paddock.server.compat;

/** {@link CuratorContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class CuratorZooKeeperTest extends CuratorContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
