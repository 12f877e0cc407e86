package io.paddock.server.admin.console;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.ServerView;
import io.paddock.server.metrics.ServerStats;
import io.paddock.zab.Zxids;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample for the console's live charts, polled every second or so. Counters are totals
 * since start (the page draws the differences between samples as rates); latency and fsync
 * time are the median and 99th percentile of the recent past, from the exponentially
 * decaying samples the server keeps for JMX, so that a chart shows now rather than an
 * all-time average.
 *
 * <p>Thread-safe: reads live counters.
 */
final class LiveStats {
    /** The names ServerStats and StorageStats register their samples under. */
    private static final String LATENCY_HISTOGRAM = "request_latency_micros";
    private static final String FSYNC_TIMER = "fsync_time";

    private final AdminSources sources;

    LiveStats(AdminSources sources) {
        this.sources = sources;
    }

    Map<String, Object> sample() {
        ServerView v = sources.view();
        ServerStats s = v.stats();
        MetricRegistry registry = s.registry();
        long zxid = v.lastZxid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time_ms", System.currentTimeMillis());
        m.put("uptime_ms", sources.uptimeMillis());
        m.put("packets_received", s.packetsReceived());
        m.put("packets_sent", s.packetsSent());
        m.put("last_zxid", ConsoleReplies.hex(zxid));
        m.put("epoch", Zxids.epoch(zxid));
        m.put("txn_counter", Zxids.counter(zxid));
        m.put("znode_count", v.nodeCount());
        m.put("approximate_data_size", v.approximateDataSize());
        m.put("connections", v.connectionCount());
        m.put("sessions", v.sessionCount());
        m.put("watches", v.watchCount());
        m.put("outstanding_requests", v.outstandingRequests());
        Snapshot latency = registry.histogram(LATENCY_HISTOGRAM).getSnapshot();
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", latency.getMedian() / 1_000.0);
        lat.put("p99", latency.get99thPercentile() / 1_000.0);
        lat.put("avg_all_time", s.avgLatencyMs());
        m.put("latency_ms", lat);
        Snapshot fsync = registry.timer(FSYNC_TIMER).getSnapshot();
        Map<String, Object> fs = new LinkedHashMap<>();
        fs.put("p50", fsync.getMedian() / 1_000_000.0);
        fs.put("p99", fsync.get99thPercentile() / 1_000_000.0);
        fs.put("count", s.storage().fsyncTime().count());
        m.put("fsync_ms", fs);
        return m;
    }
}
