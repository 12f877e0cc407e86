package io.paddock.server.compat;

/** {@link FourLetterWordContract} against Paddock. */
class FourLetterWordPaddockTest extends FourLetterWordContract {
    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return PaddockTarget.start(settings);
    }
}
