package io.paddock.server.compat;

/** {@link SessionContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class SessionZooKeeperTest extends SessionContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
