package io.paddock.server.admin;

import io.paddock.server.metrics.DurationSummary;
import io.paddock.server.metrics.PipelineStats;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.metrics.StorageStats;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values ZooKeeper's {@code monitor} admin command (mntr) reports, under ZooKeeper's names
 * where Paddock measures the same thing, and Paddock's own under {@code paddock_} names. The
 * admin command prints them as they are; the Prometheus collector exports the numeric ones as
 * gauges of the same names, as ZooKeeper's Prometheus provider does.
 *
 * <p>Thread-safe: each call reads the live counters afresh.
 */
public final class MonitorValues {
    private final AdminSources sources;

    public MonitorValues(AdminSources sources) {
        this.sources = sources;
    }

    /** Every value, in ZooKeeper's order; strings only for version and server_state. */
    public Map<String, Object> all() {
        ServerView v = sources.view();
        ServerStats s = v.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", FourLetterWords.VERSION);
        m.put("server_state", v.mode() == null ? "looking" : v.mode());
        m.putAll(v.quorumValues());
        m.put("ephemerals_count", v.ephemeralsBySession().values().stream()
                .mapToInt(Set::size).sum());
        m.put("num_alive_connections", v.connectionCount());
        m.put("avg_latency", round4(s.avgLatencyMs()));
        m.put("outstanding_requests", v.outstandingRequests());
        m.put("znode_count", v.nodeCount());
        m.put("global_sessions", v.sessionCount());
        m.put("non_mtls_remote_conn_count", 0);
        m.put("last_client_response_size", s.lastResponseSize());
        m.put("packets_sent", s.packetsSent());
        m.put("packets_received", s.packetsReceived());
        m.put("max_client_response_size", s.maxResponseSize());
        m.put("connection_drop_probability", 0.0);
        m.put("watch_count", v.watchCount());
        m.put("auth_failed_count", 0);
        m.put("min_latency", s.minLatencyMs());
        fileDescriptors(m);
        m.put("approximate_data_size", v.approximateDataSize());
        m.put("local_sessions", 0);
        m.put("uptime", sources.uptimeMillis());
        m.put("max_latency", s.maxLatencyMs());
        m.put("outstanding_tls_handshake", 0);
        m.put("min_client_response_size", s.minResponseSize());
        m.put("non_mtls_local_conn_count", 0);
        StorageStats st = s.storage();
        summary(m, "fsynctime", st.fsyncTime());
        summary(m, "snapshottime", st.snapshotTime());
        paddock(m, st, s.pipeline(), v.lastZxid());
        return m;
    }

    /** ZooKeeper reports avg_latency rounded to four decimals. */
    public static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static void fileDescriptors(Map<String, Object> m) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            m.put("max_file_descriptor_count", unix.getMaxFileDescriptorCount());
            m.put("open_file_descriptor_count", unix.getOpenFileDescriptorCount());
        }
    }

    private static void summary(Map<String, Object> m, String name, DurationSummary d) {
        m.put("avg_" + name, d.avgMs());
        m.put("min_" + name, d.minMs());
        m.put("max_" + name, d.maxMs());
        m.put("cnt_" + name, d.count());
        m.put("sum_" + name, d.sumMs());
    }

    /** Paddock's own, prefixed so that no ZooKeeper dashboard mistakes them for its own. */
    private static void paddock(Map<String, Object> m, StorageStats st, PipelineStats p,
            long lastZxid) {
        m.put("paddock_last_zxid", lastZxid);
        m.put("paddock_fsync_threshold_exceed_count", st.fsyncThresholdExceedCount());
        m.put("paddock_txn_log_bytes_written", st.txnLogBytesWritten());
        m.put("paddock_last_snapshot_zxid", st.lastSnapshotZxid());
        m.put("paddock_last_snapshot_duration_ms", st.lastSnapshotMs());
        m.put("paddock_request_ring_depth", p.requestRingDepth());
        m.put("paddock_commit_ring_depth", p.commitRingDepth());
        m.put("paddock_commit_lag", p.commitLag());
        m.put("paddock_paused_connections", p.pausedConnections());
        m.put("paddock_read_pauses", p.readPauses());
        for (String stage : PipelineStats.STAGES) {
            p.batches(stage).ifPresent(b -> {
                m.put("paddock_" + stage + "_batch_size_avg", round4(b.average()));
                m.put("paddock_" + stage + "_batch_size_max", b.max());
            });
        }
    }
}
