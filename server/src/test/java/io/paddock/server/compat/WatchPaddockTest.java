package io.paddock.server.compat;

/** {@link WatchContract} against Paddock. */
class WatchPaddockTest extends WatchContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
