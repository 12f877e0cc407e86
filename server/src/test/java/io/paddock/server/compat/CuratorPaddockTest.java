package io.paddock.server.compat;

/** {@link CuratorContract} against Paddock. */
class CuratorPaddockTest extends CuratorContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
