package io.paddock.server.compat;

/** {@link ZxidTranscriptContract} against Paddock. */
class ZxidTranscriptPaddockTest extends ZxidTranscriptContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
