package io.paddock.server.compat;

/** {@link ErrorCodesContract} against Paddock. */
class ErrorCodesPaddockTest extends ErrorCodesContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
