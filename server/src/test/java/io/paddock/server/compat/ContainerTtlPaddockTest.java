package io.paddock.server.compat;

/** {@link ContainerTtlContract} against Paddock. */
class ContainerTtlPaddockTest extends ContainerTtlContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
