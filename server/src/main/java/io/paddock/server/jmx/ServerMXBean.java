package io.paddock.server.jmx;

/**
 * The server as JConsole shows it ({@code io.paddock:server=<port>,type=Server}). Latencies
 * are in milliseconds, since the last reset.
 */
public interface ServerMXBean {
    /** "serving", or "stopped" once the server no longer takes requests. */
    String getState();

    String getVersion();

    /** Start time, ISO-8601. */
    String getStartTime();

    long getUptimeMillis();

    int getClientPort();

    /** "standalone" until ensembles exist. */
    String getServerMode();

    long getOutstandingRequests();

    long getPacketsReceived();

    long getPacketsSent();

    long getMinRequestLatency();

    double getAvgRequestLatency();

    long getMaxRequestLatency();

    int getNumAliveConnections();

    int getSessionCount();

    /** The last applied zxid, as 0x-prefixed hex. */
    String getLastZxid();

    /** Starts latencies and response sizes afresh (the srst word). */
    void resetStatistics();
}
