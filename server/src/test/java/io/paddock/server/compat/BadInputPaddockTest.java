package io.paddock.server.compat;

/** {@link BadInputContract} against Paddock. */
class BadInputPaddockTest extends BadInputContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
