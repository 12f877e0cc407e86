package io.paddock.server.compat;

/** {@link StatContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class StatZooKeeperTest extends StatContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
