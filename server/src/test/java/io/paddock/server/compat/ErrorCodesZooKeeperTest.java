package io.paddock.server.compat;

/** {@link ErrorCodesContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class ErrorCodesZooKeeperTest extends ErrorCodesContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
