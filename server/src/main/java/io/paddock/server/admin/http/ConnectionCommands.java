package io.paddock.server.admin.http;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ConnectionStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cons and connection_stat_reset, and the brief connection list stat adds: one object per
 * client connection with ZooKeeper's field names ({@code ServerCnxn.getConnectionInfo}).
 * Stateless; thread-safe (connections come and go while a list is built; each is read once).
 */
final class ConnectionCommands {
    private ConnectionCommands() {
    }

    static List<AdminCommand> all(AdminSources s) {
        return List.of(
                AdminCommand.of(List.of("connections", "cons"), p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("connections", fullConnections(s));
                    m.put("secure_connections", List.of());
                    return m;
                }),
                AdminCommand.of(List.of("connection_stat_reset", "crst"), p -> {
                    s.view().resetConnectionStats();
                    return Map.of();
                }));
    }

    static List<Map<String, Object>> briefConnections(AdminSources s) {
        return s.connections().connections().stream()
                .filter(c -> c.remoteAddress() != null)
                .map(ConnectionCommands::brief).toList();
    }

    private static List<Map<String, Object>> fullConnections(AdminSources s) {
        return s.connections().connections().stream()
                .filter(c -> c.remoteAddress() != null)
                .map(ConnectionCommands::full).toList();
    }

    private static Map<String, Object> brief(ClientConnection c) {
        ConnectionStats st = c.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("remote_socket_address", ConnectionAddresses.format(c.remoteAddress()));
        // ZooKeeper's interest ops: 1 (OP_READ) while reading, 0 while throttled.
        m.put("interest_ops", c.isReading() ? 1 : 0);
        m.put("outstanding_requests", 0);
        m.put("packets_received", st.receivedCount());
        m.put("packets_sent", st.sentCount());
        return m;
    }

    private static Map<String, Object> full(ClientConnection c) {
        ConnectionStats st = c.stats();
        Map<String, Object> m = brief(c);
        m.put("session_id", c.sessionId());
        m.put("last_operation", st.lastOperation());
        m.put("established", st.established());
        m.put("session_timeout", c.sessionTimeout());
        m.put("last_cxid", st.lastCxid());
        m.put("last_zxid", st.lastZxid());
        m.put("last_response_time", st.lastResponseTime());
        m.put("last_latency", st.lastLatencyMs());
        m.put("min_latency", st.minLatencyMs());
        m.put("avg_latency", st.avgLatencyMs());
        m.put("max_latency", st.maxLatencyMs());
        return m;
    }
}
