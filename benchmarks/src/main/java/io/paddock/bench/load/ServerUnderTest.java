package io.paddock.bench.load;

/**
 * What the side-by-side rows drive: one standalone server ({@link ServerProcess}) or an
 * ensemble of them ({@link Ensemble}). Implementations are thread-safe.
 */
interface ServerUnderTest extends AutoCloseable {

    ServerKind kind();

    /** Every client address, comma-separated: what a client that may use any server is given. */
    String connectString();

    /**
     * The address the {@code session}-th load session connects to: the same for every session
     * of a standalone server, the members in turn for an ensemble, so the load is spread evenly.
     */
    String connectString(int session);

    /** Whether every process is still running. */
    boolean isAlive();

    /** CPU time and peak RSS, summed over the processes. */
    ProcStats stats();

    /** Starts a new peak-RSS window (best effort). */
    void resetPeakRss();

    /** The last lines of the logs, for error messages. */
    String consoleTail();

    /** Stops every process; idempotent. */
    @Override
    void close();

    /** How a run starts the server under test of one kind. */
    @FunctionalInterface
    interface Starter {
        ServerUnderTest start(ServerKind kind, ServerSettings settings, String classpath);
    }
}
