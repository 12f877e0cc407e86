package io.paddock.server.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-wide request counters and latency, kept in a Dropwizard {@link MetricRegistry}
 * (exported over JMX by the server) and summarised for the srvr, stat and mntr words; the
 * storage and pipeline metrics in the same registry are in {@link #storage()} and
 * {@link #pipeline()}. Thread-safe.
 */
public final class ServerStats {
    private final MetricRegistry registry;
    private final Counter packetsReceived;
    private final Counter packetsSent;
    private final Histogram latencyMicros;
    private final StorageStats storage;
    private final PipelineStats pipeline;
    private final LongAdder requests = new LongAdder();
    private final LongAdder totalLatencyNanos = new LongAdder();
    private final LongAccumulator minLatency = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxLatency = new LongAccumulator(Math::max, 0);
    // [ops] ZooKeeper's client_response_stats: sizes of replies, -1 until the first
    private volatile int lastResponseSize = -1;
    private final LongAccumulator minResponseSize = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxResponseSize = new LongAccumulator(Math::max, -1);

    public ServerStats(MetricRegistry registry) {
        this.registry = registry;
        this.packetsReceived = registry.counter("packets_received");
        this.packetsSent = registry.counter("packets_sent");
        // The default, exponentially decaying reservoir keeps a fixed-size sample: a sliding
        // window would hold every request of the last minute, megabytes at full load.
        this.latencyMicros = registry.histogram("request_latency_micros");
        this.storage = new StorageStats(registry);
        this.pipeline = new PipelineStats(registry);
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** Txn log and snapshot metrics; srst leaves them alone (they count since start). */
    public StorageStats storage() {
        return storage;
    }

    /** Ring depths and commit lag; srst leaves them alone (they are levels, not counts). */
    public PipelineStats pipeline() {
        return pipeline;
    }

    public void packetReceived() {
        packetsReceived.inc();
    }

    public void packetSent() {
        packetsSent.inc();
    }

    public void requestCompleted(long latencyNanos) {
        requests.increment();
        totalLatencyNanos.add(latencyNanos);
        minLatency.accumulate(latencyNanos);
        maxLatency.accumulate(latencyNanos);
        latencyMicros.update(latencyNanos / 1000);
    }

    /** [ops] A reply of this many bytes (without its length prefix) was written. */
    public void responseSent(int bytes) {
        lastResponseSize = bytes;
        minResponseSize.accumulate(bytes);
        maxResponseSize.accumulate(bytes);
    }

    public int lastResponseSize() {
        return lastResponseSize;
    }

    public long minResponseSize() {
        long min = minResponseSize.get();
        return min == Long.MAX_VALUE ? -1 : min;
    }

    public long maxResponseSize() {
        return maxResponseSize.get();
    }

    public long packetsReceived() {
        return packetsReceived.getCount();
    }

    public long packetsSent() {
        return packetsSent.getCount();
    }

    /** Milliseconds, as ZooKeeper's "Latency min/avg/max" line shows them. */
    public long minLatencyMs() {
        return requests.sum() == 0 ? 0 : minLatency.get() / 1_000_000;
    }

    public double avgLatencyMs() {
        long n = requests.sum();
        return n == 0 ? 0 : totalLatencyNanos.sum() / (double) n / 1_000_000.0;
    }

    public long maxLatencyMs() {
        return maxLatency.get() / 1_000_000;
    }

    public void reset() {
        requests.reset();
        totalLatencyNanos.reset();
        minLatency.reset();
        maxLatency.reset();
        lastResponseSize = -1;
        minResponseSize.reset();
        maxResponseSize.reset();
    }
}
