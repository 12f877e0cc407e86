package io.paddock.server.metrics.prometheus;

import com.codahale.metrics.MetricFilter;
import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.MonitorValues;
import io.paddock.server.admin.http.HttpEndpoint;
import io.paddock.server.admin.http.HttpReply;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * {@code /metrics} in the Prometheus text format (0.0.4) on a port of its own, as ZooKeeper's
 * PrometheusMetricsProvider serves it: the server's metrics under ZooKeeper's names
 * ({@link ZooKeeperCollector}), the pipeline's Dropwizard gauges ({@code pipeline_*}) through
 * Prometheus' Dropwizard bridge, and, unless turned off, the JVM's metrics from the hotspot
 * exports ZooKeeper uses (jvm_memory_bytes_used, jvm_gc_collection_seconds, jvm_threads_current,
 * process_cpu_seconds_total, ...). The exposition is the Prometheus client library's.
 *
 * <p>Each endpoint has a registry of its own (no JVM-wide default registry), so several
 * servers in one JVM do not mix. Thread-safe: scrapes run on the endpoint's thread.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final HttpEndpoint endpoint;

    private PrometheusEndpoint(AdminSources sources, InetSocketAddress address, boolean jvm) {
        new ZooKeeperCollector(new MonitorValues(sources), sources.stats().storage())
                .register(registry);
        new DropwizardExports(sources.stats().registry(),
                MetricFilter.startsWith("pipeline_")).register(registry);
        if (jvm) {
            DefaultExports.register(registry);
        }
        this.endpoint = HttpEndpoint.bind("prometheus", address, this::get);
    }

    /** Binds {@code address} (port 0 for an ephemeral one) and serves until closed. */
    public static PrometheusEndpoint start(AdminSources sources, InetSocketAddress address,
            boolean jvmMetrics) {
        return new PrometheusEndpoint(sources, address, jvmMetrics);
    }

    public InetSocketAddress address() {
        return endpoint.address();
    }

    private HttpReply get(String path, Map<String, String> params) {
        if (!path.equals("/metrics")) {
            return HttpReply.notFound(path);
        }
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpReply.of(200, TextFormat.CONTENT_TYPE_004, out.toString());
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
