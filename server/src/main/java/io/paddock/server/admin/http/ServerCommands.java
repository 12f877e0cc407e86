package io.paddock.server.admin.http;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.DirectorySizes;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.admin.MonitorValues;
import io.paddock.server.admin.ServerView;
import io.paddock.server.metrics.ServerStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands about the server as a whole: ruok, srvr, stat, monitor, stat_reset,
 * is_read_only, and the ensemble ones (leader, voting_view, zabstate, observers), which a
 * standalone server answers as ZooKeeper's standalone server does. Stateless; thread-safe.
 */
final class ServerCommands {
    private ServerCommands() {
    }

    static List<AdminCommand> all(AdminSources s) {
        MonitorValues monitor = new MonitorValues(s);
        return List.of(
                AdminCommand.of(List.of("ruok"), p -> Map.of()),
                AdminCommand.of(List.of("server_stats", "srvr"), p -> serverStats(s)),
                AdminCommand.of(List.of("stats", "stat"), p -> {
                    Map<String, Object> m = serverStats(s);
                    m.put("connections", ConnectionCommands.briefConnections(s));
                    m.put("secure_connections", List.of());
                    return m;
                }),
                AdminCommand.of(List.of("monitor", "mntr"), p -> monitor.all()),
                AdminCommand.of(List.of("stat_reset", "srst"), p -> {
                    s.stats().reset();
                    return Map.of();
                }),
                AdminCommand.of(List.of("is_read_only", "isro"), p -> Map.of("read_only", false)),
                AdminCommand.of(List.of("leader", "lead"), p -> notInitialized()),
                AdminCommand.of(List.of("voting_view"), p -> Map.of("current_config", Map.of())),
                AdminCommand.of(List.of("zabstate"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("voting", false);
                    m.put("zabstate", "");
                    return m;
                }),
                AdminCommand.of(List.of("observers", "obsr"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("synced_observers", 0);
                    m.put("observers", List.of());
                    return m;
                }));
    }

    /** ZooKeeper's standalone server answers leader with this error: it has no quorum peer. */
    private static Map<String, Object> notInitialized() {
        return Map.of(AdminCommands.KEY_ERROR, "server is not initialized");
    }

    /** srvr: version, read_only, server_stats, client_response, node_count. */
    static Map<String, Object> serverStats(AdminSources s) {
        ServerView v = s.view();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", FourLetterWords.VERSION);
        m.put("read_only", false);
        m.put("server_stats", statsObject(s));
        m.put("client_response", responseSizes(v.stats()));
        m.put("node_count", v.nodeCount());
        return m;
    }

    /** The fields of ZooKeeper's ServerStats bean, as its JSON outputter names them. */
    private static Map<String, Object> statsObject(AdminSources s) {
        ServerView v = s.view();
        ServerStats st = v.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packets_sent", st.packetsSent());
        m.put("packets_received", st.packetsReceived());
        m.put("fsync_threshold_exceed_count", st.storage().fsyncThresholdExceedCount());
        m.put("client_response_stats", responseSizes(st));
        m.put("data_dir_size", DirectorySizes.of(s.config().dataDir()));
        m.put("log_dir_size", DirectorySizes.of(s.config().txnLogDir()));
        m.put("last_processed_zxid", v.lastZxid());
        m.put("outstanding_requests", v.outstandingRequests());
        m.put("server_state", v.mode() == null ? "looking" : v.mode());
        m.put("avg_latency", MonitorValues.round4(st.avgLatencyMs()));
        m.put("max_latency", st.maxLatencyMs());
        m.put("min_latency", st.minLatencyMs());
        m.put("num_alive_client_connections", v.connectionCount());
        m.put("auth_failed_count", 0);
        m.put("non_mtlsremote_conn_count", 0);
        m.put("non_mtlslocal_conn_count", 0);
        m.put("provider_null", false);
        m.put("uptime", s.uptimeMillis());
        return m;
    }

    private static Map<String, Object> responseSizes(ServerStats st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("last_buffer_size", st.lastResponseSize());
        m.put("min_buffer_size", st.minResponseSize());
        m.put("max_buffer_size", st.maxResponseSize());
        return m;
    }
}
