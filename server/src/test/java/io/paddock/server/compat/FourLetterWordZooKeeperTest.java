package io.paddock.server.compat;

/** {@link FourLetterWordContract} against the Apache ZooKeeper reference, to keep the contract honest. */
class FourLetterWordZooKeeperTest extends FourLetterWordContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
