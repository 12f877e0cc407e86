package io.paddock.server.jmx;

/**
 * One client connection ({@code io.paddock:server=<port>,type=Connections,name="<ip:port>"}),
 * registered while it is open. Latencies in milliseconds.
 */
public interface ConnectionMXBean {
    /** 0x-prefixed hex; 0x0 before the handshake. */
    String getSessionId();

    String getRemoteAddress();

    int getSessionTimeout();

    /** When the connection was accepted, ISO-8601. */
    String getEstablished();

    long getPacketsReceived();

    long getPacketsSent();

    /** ZooKeeper's code of the last operation (GETD, SETD, ...). */
    String getLastOperation();

    long getLastLatency();

    long getMinLatency();

    long getAvgLatency();

    long getMaxLatency();

    /** Closes the connection; the session lives on and its client may reconnect. */
    void close();
}
