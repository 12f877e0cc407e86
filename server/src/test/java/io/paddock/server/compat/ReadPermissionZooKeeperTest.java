package io.paddock.server.compat;

/** {@link ReadPermissionContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class ReadPermissionZooKeeperTest extends ReadPermissionContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
