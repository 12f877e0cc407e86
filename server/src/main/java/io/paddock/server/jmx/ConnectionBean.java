package io.paddock.server.jmx;

import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ConnectionStats;
import java.time.Instant;

/** {@link ConnectionMXBean} over one connection. Thread-safe: reads live counters. */
final class ConnectionBean implements ConnectionMXBean {
    private final ClientConnection c;
    private final String remote;

    ConnectionBean(ClientConnection c, String remote) {
        this.c = c;
        this.remote = remote;
    }

    private ConnectionStats stats() {
        return c.stats();
    }

    @Override
    public String getSessionId() {
        return "0x" + Long.toHexString(c.sessionId());
    }

    @Override
    public String getRemoteAddress() {
        return remote;
    }

    @Override
    public int getSessionTimeout() {
        return c.sessionTimeout();
    }

    @Override
    public String getEstablished() {
        return Instant.ofEpochMilli(stats().established()).toString();
    }

    @Override
    public long getPacketsReceived() {
        return stats().receivedCount();
    }

    @Override
    public long getPacketsSent() {
        return stats().sentCount();
    }

    @Override
    public String getLastOperation() {
        return stats().lastOperation();
    }

    @Override
    public long getLastLatency() {
        return stats().lastLatencyMs();
    }

    @Override
    public long getMinLatency() {
        return stats().minLatencyMs();
    }

    @Override
    public long getAvgLatency() {
        return stats().avgLatencyMs();
    }

    @Override
    public long getMaxLatency() {
        return stats().maxLatencyMs();
    }

    @Override
    public void close() {
        c.close("closed by an operator over JMX");
    }
}
