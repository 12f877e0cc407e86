package io.paddock.server.compat;

/** {@link SessionContract} against Paddock. */
class SessionPaddockTest extends SessionContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
