package io.paddock.server.jmx;

/** The znode tree ({@code io.paddock:server=<port>,type=DataTree}). */
public interface DataTreeMXBean {
    int getNodeCount();

    int getWatchCount();

    int getWatchedPathCount();

    /** Bytes of paths and data, as ZooKeeper's approximate_data_size. */
    long getApproximateDataSize();

    int getEphemeralCount();

    int getSessionsWithEphemerals();

    String getLastZxid();
}
