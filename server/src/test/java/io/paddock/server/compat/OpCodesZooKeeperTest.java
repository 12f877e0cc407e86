package io.paddock.server.compat;

/** {@link OpCodesContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class OpCodesZooKeeperTest extends OpCodesContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
