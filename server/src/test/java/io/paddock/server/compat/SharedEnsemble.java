package io.paddock.server.compat;

/**
 * One {@link EnsembleTarget} for all of a test class's tests, since three servers take far
 * longer to start than one: each test gets it wiped of the last test's znodes, or a new one when
 * it asks for a fresh server ({@link FreshServer}), its settings differ, or the wipe failed.
 * Tests that start servers of their own settings get their own ensembles, as before. Used by
 * one test at a time (JUnit's timeout threads, one after another); closed after the class.
 */
final class SharedEnsemble implements AutoCloseable {
    private EnsembleTarget current;
    private ServerSettings currentSettings;
    private boolean used;

    /** The shared ensemble for one test; closing the lease wipes it for the next test. */
    ServerUnderTest lease(ServerSettings settings, boolean fresh) {
        if (current != null && ((fresh && used) || !settings.equals(currentSettings))) {
            close();
        }
        if (current == null) {
            current = EnsembleTarget.start(settings);
            currentSettings = settings;
        }
        used = true;
        return new Lease(current);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
            used = false;
        }
    }

    /** The shared target, with close() meaning "wipe for the next test". */
    private final class Lease implements ServerUnderTest {
        private final EnsembleTarget target;

        Lease(EnsembleTarget target) {
            this.target = target;
        }

        @Override
        public String connectString() {
            return target.connectString();
        }

        @Override
        public int port() {
            return target.port();
        }

        @Override
        public int juteMaxBuffer() {
            return target.juteMaxBuffer();
        }

        @Override
        public boolean honoursSuperDigest() {
            return target.honoursSuperDigest();
        }

        @Override
        public String mode() {
            return target.mode();
        }

        @Override
        public void close() {
            if (target == current && !target.wipe()) {
                SharedEnsemble.this.close();
            }
        }
    }
}
