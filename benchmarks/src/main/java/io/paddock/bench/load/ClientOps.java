package io.paddock.bench.load;

/**
 * One client session's async getData and setData, whatever the client library: the client
 * throughput row drives the official ZooKeeper client and Paddock's client through this.
 * Implementations are thread-safe as their client is.
 */
interface ClientOps extends AutoCloseable {

    /** Told once per request: null when it succeeded, else the failure's name. */
    interface Completion {
        void done(String error);
    }

    /** Which client this is, for the table. */
    String label();

    void getData(String path, Completion done);

    void setData(String path, byte[] data, Completion done);

    @Override
    void close();
}
