package io.paddock.server.compat;

/** {@link WatchContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class WatchZooKeeperTest extends WatchContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
