package io.paddock.server.compat;

/** {@link BadInputContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class BadInputZooKeeperTest extends BadInputContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
