package io.paddock.bench.load;

/**
 * One client session's async requests, whatever the client library: the closed-loop load
 * ({@link AsyncLoad}) drives the official ZooKeeper client or Paddock's client through this.
 * Every request is answered exactly once through its {@link Completion}, on the client's own
 * thread. Failures are named by their ZooKeeper error code ({@code NONODE}, {@code NODEEXISTS},
 * {@code CONNECTIONLOSS}...) whichever client reports them, so both tally errors alike.
 * Implementations are thread-safe as their client is.
 */
interface ClientOps extends AutoCloseable {

    /** Told once per request: null when it succeeded, else the failure's name. */
    interface Completion {
        void done(String error);
    }

    /** Which client this is, for the table. */
    String label();

    /** A persistent node with the open ACL. */
    void create(String path, byte[] data, Completion done);

    /** An absent node is a failure ({@code NONODE}), as the official async API reports it. */
    void exists(String path, Completion done);

    void getData(String path, Completion done);

    void setData(String path, byte[] data, Completion done);

    @Override
    void close();
}
