package io.paddock.server.compat;

/** {@link OpCodesContract} against Paddock. */
class OpCodesPaddockTest extends OpCodesContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
