package io.paddock.server.compat;

/** {@link AclContract} against Paddock. */
class AclPaddockTest extends AclContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
