package io.paddock.server.compat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** {@link OpCodesContract} against a 3-server Paddock ensemble, the client on a follower. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpCodesEnsembleTest extends OpCodesContract {
    private final SharedEnsemble shared = new SharedEnsemble();

    @Override
    protected ServerUnderTest startServer(ServerSettings settings) {
        return EnsembleTarget.start(settings);
    }

    @Override
    protected ServerUnderTest defaultServer(ServerSettings settings, boolean fresh) {
        return shared.lease(settings, fresh);
    }

    @AfterAll
    void closeSharedEnsemble() {
        shared.close();
    }
}
