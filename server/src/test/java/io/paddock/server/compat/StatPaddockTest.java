package io.paddock.server.compat;

/** {@link StatContract} against Paddock. */
class StatPaddockTest extends StatContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
