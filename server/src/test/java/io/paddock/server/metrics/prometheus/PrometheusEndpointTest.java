package io.paddock.server.metrics.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.admin.http.HttpGet;
import io.paddock.server.admin.http.WatchScenario;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.testing.PaddockTestingServer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Scrapes /metrics and checks ZooKeeper's metric names (those ZooKeeper 3.9's
 * ZooKeeperServer.registerMetrics and ServerMetrics give its Prometheus provider, and the
 * simpleclient_hotspot JVM names its provider exports), Paddock's pipeline gauges, and values.
 */
class PrometheusEndpointTest {
    private static final List<String> ZOOKEEPER_NAMES = List.of("znode_count", "watch_count",
            "num_alive_connections", "outstanding_requests", "avg_latency", "min_latency",
            "max_latency", "packets_received", "packets_sent", "ephemerals_count",
            "approximate_data_size", "global_sessions", "uptime", "open_file_descriptor_count",
            "fsynctime_count", "fsynctime_sum", "fsynctime{quantile=\"0.5\"",
            "snapshottime_count", "snapshottime_sum");
    private static final List<String> JVM_NAMES = List.of("jvm_memory_bytes_used{area=\"heap\"",
            "jvm_threads_current", "jvm_classes_loaded", "process_cpu_seconds_total",
            "jvm_info{");
    private static final List<String> PIPELINE_NAMES = List.of("pipeline_request_ring_depth",
            "pipeline_commit_ring_depth", "pipeline_commit_lag", "pipeline_paused_connections");

    @Test
    void scrapeHasZooKeepersNamesJvmAndPipelineMetrics() throws Exception {
        try (PaddockTestingServer server = PaddockTestingServer.builder().operatorEndpoints()
                .start()) {
            ZooKeeper zk = WatchScenario.apply(server.connectString());
            try {
                zk.create("/b", new byte[10], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                HttpResponse<String> r = HttpGet.get(server.server().prometheusAddress(), "/metrics");
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Type").orElse("")
                        .startsWith("text/plain; version=0.0.4"));
                String body = r.body();
                Map<String, Double> samples = samples(body);
                for (String name : concat(ZOOKEEPER_NAMES, JVM_NAMES, PIPELINE_NAMES)) {
                    assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith(name)),
                            name + " in\n" + body);
                }
                assertTrue(body.contains("# TYPE znode_count gauge"));
                assertTrue(body.contains("# TYPE fsynctime summary"));
                assertEquals(server.server().storage().tree().nodeCount(),
                        samples.get("znode_count").intValue());
                // Creating /b fired (and so removed) the one-shot child watch on /.
                assertEquals(2, samples.get("watch_count").intValue());
                assertEquals(1, samples.get("num_alive_connections").intValue());
                assertEquals(1, samples.get("ephemerals_count").intValue());
                assertTrue(samples.get("fsynctime_count") >= 3, "one fsync per create at least");
                assertEquals(0, samples.get("pipeline_request_ring_depth").intValue());
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void jvmMetricsAndTheEndpointTurnOff() {
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .operations(OperationsConfig.ephemeral().withPrometheusJvmMetrics(false)).start()) {
            String body = HttpGet.get(server.server().prometheusAddress(), "/metrics").body();
            assertTrue(body.contains("znode_count"));
            assertFalse(body.contains("jvm_memory_bytes_used"), body);
            assertEquals(404, HttpGet.get(server.server().prometheusAddress(), "/other")
                    .statusCode());
        }
        try (PaddockTestingServer server = PaddockTestingServer.builder()
                .operations(OperationsConfig.ephemeral().withPrometheus(false)).start()) {
            assertNull(server.server().prometheusAddress());
        }
    }

    /** Sample lines of the text format: name with labels, then the value. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> out = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
