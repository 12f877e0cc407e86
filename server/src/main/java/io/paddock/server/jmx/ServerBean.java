package io.paddock.server.jmx;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.admin.MonitorValues;
import io.paddock.server.metrics.ServerStats;
import java.time.Instant;

/** {@link ServerMXBean} over the live server. Thread-safe: reads live counters. */
final class ServerBean implements ServerMXBean {
    private final AdminSources s;

    ServerBean(AdminSources sources) {
        this.s = sources;
    }

    private ServerStats stats() {
        return s.stats();
    }

    @Override
    public String getState() {
        return s.serving().getAsBoolean() ? "serving" : "stopped";
    }

    @Override
    public String getVersion() {
        return FourLetterWords.VERSION;
    }

    @Override
    public String getStartTime() {
        return Instant.ofEpochMilli(s.startMillis()).toString();
    }

    @Override
    public long getUptimeMillis() {
        return s.uptimeMillis();
    }

    @Override
    public int getClientPort() {
        return s.clientPort();
    }

    @Override
    public String getServerMode() {
        String mode = s.view().mode();
        return mode == null ? "looking" : mode;
    }

    @Override
    public long getOutstandingRequests() {
        return s.view().outstandingRequests();
    }

    @Override
    public long getPacketsReceived() {
        return stats().packetsReceived();
    }

    @Override
    public long getPacketsSent() {
        return stats().packetsSent();
    }

    @Override
    public long getMinRequestLatency() {
        return stats().minLatencyMs();
    }

    @Override
    public double getAvgRequestLatency() {
        return MonitorValues.round4(stats().avgLatencyMs());
    }

    @Override
    public long getMaxRequestLatency() {
        return stats().maxLatencyMs();
    }

    @Override
    public int getNumAliveConnections() {
        return s.view().connectionCount();
    }

    @Override
    public int getSessionCount() {
        return s.view().sessionCount();
    }

    @Override
    public String getLastZxid() {
        return "0x" + Long.toHexString(s.view().lastZxid());
    }

    @Override
    public void resetStatistics() {
        stats().reset();
    }
}
