package io.paddock.server.compat;

/** {@link ZxidTranscriptContract} against the Apache ZooKeeper reference, to keep the golden list honest. */
class ZxidTranscriptZooKeeperTest extends ZxidTranscriptContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return ZooKeeperTarget.start(settings);
    }
}
