package io.paddock.server.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.pipeline.StageBatches;
import java.util.List;
import java.util.Optional;

/**
 * The request pipeline's gauges, in the server's {@link MetricRegistry} (so over JMX) and in
 * mntr under Paddock's own {@code zk_paddock_} names:
 *
 * <ul>
 *   <li>{@code pipeline_request_ring_depth}: slots of the request ring taken (requests not yet
 *       prepared and persisted);</li>
 *   <li>{@code pipeline_commit_ring_depth}: slots of the commit ring taken (not yet applied
 *       and answered);</li>
 *   <li>{@code pipeline_commit_lag}: the last prepared zxid less the last applied one;</li>
 *   <li>{@code pipeline_paused_connections}: connections not read now because a ring was
 *       full;</li>
 *   <li>{@code pipeline_read_pauses}: times a connection was paused so, since start.</li>
 * </ul>
 *
 * <p>Thread-safe: the gauges read the pipeline's counters only when someone asks.
 */
public final class PipelineStats {
    private volatile RequestPipeline pipeline;

    public PipelineStats(MetricRegistry registry) {
        registry.register("pipeline_request_ring_depth", (Gauge<Long>) this::requestRingDepth);
        registry.register("pipeline_commit_ring_depth", (Gauge<Long>) this::commitRingDepth);
        registry.register("pipeline_commit_lag", (Gauge<Long>) this::commitLag);
        registry.register("pipeline_paused_connections", (Gauge<Long>) this::pausedConnections);
        registry.register("pipeline_read_pauses", (Gauge<Long>) this::readPauses);
        for (String stage : STAGES) {
            registry.register("pipeline_" + stage + "_batch_size_avg",
                    (Gauge<Double>) () -> batches(stage).map(StageBatches::average).orElse(0.0));
            registry.register("pipeline_" + stage + "_batch_size_max",
                    (Gauge<Long>) () -> batches(stage).map(StageBatches::max).orElse(0L));
        }
    }

    /** The stages whose batch sizes are gauged, in pipeline order. */
    public static final List<String> STAGES = List.of("prepare", "persist", "apply", "reply");

    /** One stage's batch sizes, once a pipeline is watched. */
    public Optional<StageBatches> batches(String stage) {
        RequestPipeline p = pipeline;
        if (p == null) {
            return Optional.empty();
        }
        return p.stageBatches().stream().filter(b -> b.stage().equals(stage)).findFirst();
    }

    /** The pipeline the gauges read; until it is set they read 0. */
    public void watch(RequestPipeline p) {
        this.pipeline = p;
    }

    public long requestRingDepth() {
        RequestPipeline p = pipeline;
        return p == null ? 0 : p.requestRingDepth();
    }

    public long commitRingDepth() {
        RequestPipeline p = pipeline;
        return p == null ? 0 : p.commitRingDepth();
    }

    public long commitLag() {
        RequestPipeline p = pipeline;
        return p == null ? 0 : p.commitLag();
    }

    public long pausedConnections() {
        RequestPipeline p = pipeline;
        return p == null ? 0 : p.pausedConnections();
    }

    public long readPauses() {
        RequestPipeline p = pipeline;
        return p == null ? 0 : p.readPauses();
    }
}
