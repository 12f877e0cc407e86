package io.paddock.server.metrics.prometheus;

import io.paddock.server.admin.MonitorValues;
import io.paddock.server.metrics.DurationSummary;
import io.paddock.server.metrics.StorageStats;
import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.SummaryMetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paddock's server metrics under the names ZooKeeper's Prometheus provider gives them, so a
 * ZooKeeper dashboard and its alerts read Paddock unchanged: the gauges ZooKeeperServer
 * registers (znode_count, watch_count, num_alive_connections, outstanding_requests,
 * avg/min/max_latency, ...) and the fsynctime and snapshottime summaries (milliseconds, the
 * 0.5 quantile as ZooKeeper's BASIC summaries have it). Paddock's own values follow under
 * {@code paddock_} names; the pipeline's ring gauges come through the Dropwizard bridge.
 *
 * <p>Thread-safe: every scrape reads the live values afresh.
 */
final class ZooKeeperCollector extends Collector {
    /** The gauges ZooKeeper 3.9's ZooKeeperServer.registerMetrics registers, as mntr names them. */
    private static final Set<String> ZOOKEEPER_GAUGES = Set.of("avg_latency", "max_latency",
            "min_latency", "packets_received", "packets_sent", "num_alive_connections",
            "outstanding_requests", "uptime", "znode_count", "watch_count", "ephemerals_count",
            "approximate_data_size", "global_sessions", "local_sessions",
            "open_file_descriptor_count", "max_file_descriptor_count",
            "connection_drop_probability", "last_client_response_size",
            "max_client_response_size", "min_client_response_size", "outstanding_tls_handshake",
            "auth_failed_count", "non_mtls_remote_conn_count", "non_mtls_local_conn_count",
            // [ensemble] a quorum member's, and the leader's learner counts
            "quorum_size", "learners", "synced_followers", "synced_non_voting_followers",
            "synced_observers", "pending_syncs", "leader_uptime");
    /** Paddock's values that no bridged Dropwizard gauge already carries. */
    private static final Set<String> PADDOCK_GAUGES = Set.of("paddock_last_zxid",
            "paddock_fsync_threshold_exceed_count", "paddock_txn_log_bytes_written",
            "paddock_last_snapshot_zxid", "paddock_last_snapshot_duration_ms");

    private final MonitorValues monitor;
    private final StorageStats storage;

    ZooKeeperCollector(MonitorValues monitor, StorageStats storage) {
        this.monitor = monitor;
        this.storage = storage;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : monitor.all().entrySet()) {
            String name = e.getKey();
            if ((ZOOKEEPER_GAUGES.contains(name) || PADDOCK_GAUGES.contains(name))
                    && e.getValue() instanceof Number n) {
                // ZooKeeper's provider uses the name as the help text too.
                out.add(new GaugeMetricFamily(name, name, n.doubleValue()));
            }
        }
        out.add(summary("fsynctime", storage.fsyncTime()));
        out.add(summary("snapshottime", storage.snapshotTime()));
        return out;
    }

    private static MetricFamilySamples summary(String name, DurationSummary d) {
        SummaryMetricFamily s = new SummaryMetricFamily(name, name, List.of(), List.of(0.5));
        s.addMetric(List.of(), d.count(), d.sumMs(),
                List.of(d.count() == 0 ? Double.NaN : d.recentMedianMs()));
        return s;
    }
}
