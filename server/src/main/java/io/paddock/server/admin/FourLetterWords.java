package io.paddock.server.admin;

import io.paddock.server.config.JvmEnvironment;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.TlsConfig;
import io.paddock.server.metrics.DurationSummary;
import io.paddock.server.metrics.PipelineStats;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.metrics.StorageStats;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The four-letter words answered on the client port, in ZooKeeper's text formats so that
 * existing monitoring (nc, Nagios checks, exporters parsing mntr) keeps working. Only words in
 * 4lw.commands.whitelist run; others get ZooKeeper's refusal line. Thread-safe.
 */
public final class FourLetterWords {
    /** The version string reported: the protocol we speak, then who we are. */
    public static final String VERSION = "3.9.5-paddock-0.1.0, built on 2026-11-25";

    private static final Set<String> KNOWN = Set.of("ruok", "srvr", "stat", "mntr", "conf",
            "cons", "envi", "wchs", "isro", "dump", "srst", "crst");

    private final ServerView server;

    public FourLetterWords(ServerView server) {
        this.server = server;
    }

    public static boolean isKnown(String word) {
        return KNOWN.contains(word);
    }

    public String execute(String word) {
        if (!server.config().fourLetterAllowed(word)) {
            return word + " is not executed because it is not in the whitelist.\n";
        }
        return switch (word) {
            case "ruok" -> "imok";
            case "isro" -> isro();
            case "srvr" -> summary();
            case "stat" -> stat();
            case "mntr" -> mntr();
            case "conf" -> conf();
            case "cons" -> cons() + "\n";
            case "envi" -> envi();
            case "wchs" -> server.watcherCount() + " connections watching "
                    + server.watchedPathCount() + " paths\nTotal watches:" + server.watchCount() + "\n";
            case "dump" -> dump();
            case "srst" -> {
                server.stats().reset();
                yield "Server stats reset.\n";
            }
            case "crst" -> {
                server.resetConnectionStats();
                yield "Connection stats reset.\n";
            }
            default -> word + " is not a four-letter word Paddock knows.\n";
        };
    }

    /** ZooKeeper's answers: ro in read-only mode, null with nothing served, rw otherwise. */
    private String isro() {
        String mode = server.mode();
        return mode == null ? "null" : mode.equals("read-only") ? "ro" : "rw";
    }

    private String summary() {
        if (server.mode() == null) {
            return "This ZooKeeper instance is not currently serving requests\n";
        }
        ServerStats s = server.stats();
        return "Zookeeper version: " + VERSION + "\n"
                + ("read-only".equals(server.mode())
                        ? "READ-ONLY mode; serving only read-only clients\n" : "")
                + "Latency min/avg/max: " + s.minLatencyMs() + "/"
                + String.format("%.4f", s.avgLatencyMs()) + "/" + s.maxLatencyMs() + "\n"
                + "Received: " + s.packetsReceived() + "\n"
                + "Sent: " + s.packetsSent() + "\n"
                + "Connections: " + server.connectionCount() + "\n"
                + "Outstanding: " + server.outstandingRequests() + "\n"
                + "Zxid: 0x" + Long.toHexString(server.lastZxid()) + "\n"
                + "Mode: " + server.mode() + "\n"
                + "Node count: " + server.nodeCount() + "\n";
    }

    private String stat() {
        String summary = summary();
        int firstLineEnd = summary.indexOf('\n') + 1;
        return summary.substring(0, firstLineEnd) + "Clients:\n" + cons() + "\n"
                + summary.substring(firstLineEnd);
    }

    private String cons() {
        StringBuilder b = new StringBuilder();
        for (String line : server.connectionLines()) {
            b.append(' ').append(line).append('\n');
        }
        return b.toString();
    }

    private String mntr() {
        ServerStats s = server.stats();
        Runtime rt = Runtime.getRuntime();
        StringBuilder b = new StringBuilder();
        line(b, "zk_version", VERSION);
        line(b, "zk_server_state", server.mode() == null ? "looking" : server.mode());
        server.quorumValues().forEach((k, v) -> line(b, "zk_" + k, v));
        line(b, "zk_avg_latency", String.format("%.4f", s.avgLatencyMs()));
        line(b, "zk_max_latency", s.maxLatencyMs());
        line(b, "zk_min_latency", s.minLatencyMs());
        line(b, "zk_packets_received", s.packetsReceived());
        line(b, "zk_packets_sent", s.packetsSent());
        line(b, "zk_num_alive_connections", server.connectionCount());
        line(b, "zk_outstanding_requests", server.outstandingRequests());
        line(b, "zk_znode_count", server.nodeCount());
        line(b, "zk_watch_count", server.watchCount());
        line(b, "zk_ephemerals_count", server.ephemeralsBySession().values().stream()
                .mapToInt(Set::size).sum());
        line(b, "zk_approximate_data_size", server.approximateDataSize());
        line(b, "zk_global_sessions", server.sessionCount());
        line(b, "zk_local_sessions", 0);
        line(b, "zk_open_file_descriptor_count", server.connectionCount());
        line(b, "zk_jvm_heap_used_bytes", rt.totalMemory() - rt.freeMemory());
        line(b, "zk_jvm_heap_max_bytes", rt.maxMemory());
        line(b, "zk_last_zxid", "0x" + Long.toHexString(server.lastZxid()));
        storage(b, s.storage());
        pipeline(b, s.pipeline());
        return b.toString();
    }

    /** Paddock's own metrics, prefixed so no ZooKeeper dashboard mistakes them for its own. */
    private static void pipeline(StringBuilder b, PipelineStats p) {
        line(b, "zk_paddock_request_ring_depth", p.requestRingDepth());
        line(b, "zk_paddock_commit_ring_depth", p.commitRingDepth());
        line(b, "zk_paddock_commit_lag", p.commitLag());
        line(b, "zk_paddock_paused_connections", p.pausedConnections());
        line(b, "zk_paddock_read_pauses", p.readPauses());
        for (String stage : PipelineStats.STAGES) {
            p.batches(stage).ifPresent(s -> {
                line(b, "zk_paddock_" + stage + "_batch_size_avg", String.format("%.2f", s.average()));
                line(b, "zk_paddock_" + stage + "_batch_size_max", s.max());
            });
        }
    }

    /** ZooKeeper's names where it has the metric, so its dashboards read ours. */
    private static void storage(StringBuilder b, StorageStats st) {
        summary(b, "fsynctime", st.fsyncTime());
        line(b, "zk_fsync_threshold_exceed_count", st.fsyncThresholdExceedCount());
        line(b, "zk_txn_log_bytes_written", st.txnLogBytesWritten());
        summary(b, "snapshottime", st.snapshotTime());
        line(b, "zk_last_snapshot_zxid", "0x" + Long.toHexString(st.lastSnapshotZxid()));
        line(b, "zk_last_snapshot_duration_ms", st.lastSnapshotMs());
    }

    private static void summary(StringBuilder b, String name, DurationSummary d) {
        line(b, "zk_avg_" + name, String.format(Locale.ROOT, "%.4f", d.avgMs()));
        line(b, "zk_min_" + name, d.minMs());
        line(b, "zk_max_" + name, d.maxMs());
        line(b, "zk_cnt_" + name, d.count());
        line(b, "zk_sum_" + name, d.sumMs());
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(key).append('\t').append(value).append('\n');
    }

    private String conf() {
        ServerConfig c = server.config();
        TlsConfig tls = c.security().clientTls();
        String secure = tls == null ? "secureClientPort=-1\n"
                : "secureClientPort=" + tls.secureClientAddress().getPort() + "\n"
                        + "secureClientPortAddress=" + tls.secureClientAddress().getHostString() + "\n";
        String plain = !c.hasPlainClientPort() ? "clientPort=-1\n"
                : "clientPort=" + c.clientAddress().getPort() + "\n"
                        + "clientPortAddress=" + c.clientAddress().getHostString() + "\n";
        return plain + secure
                + "dataDir=" + c.dataDir().toAbsolutePath() + "\n"
                + "dataLogDir=" + c.txnLogDir().toAbsolutePath() + "\n"
                + "tickTime=" + c.tickTime() + "\n"
                + "maxClientCnxns=" + c.maxClientCnxns() + "\n"
                + "minSessionTimeout=" + c.minSessionTimeout() + "\n"
                + "maxSessionTimeout=" + c.maxSessionTimeout() + "\n"
                + "jute.maxbuffer=" + c.juteMaxBuffer() + "\n"
                + "extendedTypesEnabled=" + c.extendedTypesEnabled() + "\n"
                + "serverId=0\n";
    }

    private String envi() {
        StringBuilder b = new StringBuilder("Environment:\n");
        for (Map.Entry<String, String> e : JvmEnvironment.describe(VERSION).entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    private String dump() {
        StringBuilder b = new StringBuilder("SessionTracker dump:\nSession Sets ("
                + server.sessionCount() + "):\nephemeral nodes dump:\nSessions with Ephemerals ("
                + server.ephemeralsBySession().size() + "):\n");
        server.ephemeralsBySession().forEach((sid, paths) -> {
            b.append("0x").append(Long.toHexString(sid)).append(":\n");
            paths.forEach(p -> b.append('\t').append(p).append('\n'));
        });
        return b.toString();
    }
}
