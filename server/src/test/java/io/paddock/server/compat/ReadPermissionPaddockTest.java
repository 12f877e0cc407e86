package io.paddock.server.compat;

/** {@link ReadPermissionContract} against Paddock. */
class ReadPermissionPaddockTest extends ReadPermissionContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
