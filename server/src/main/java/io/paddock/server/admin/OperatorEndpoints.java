package io.paddock.server.admin;

import io.paddock.server.admin.http.AdminHttpServer;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.jmx.ServerMBeans;
import io.paddock.server.metrics.prometheus.PrometheusEndpoint;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running server offers operators besides its client port, started together and closed
 * together: the admin HTTP server, the Prometheus endpoint and the MBean tree (jmx.enabled),
 * each when configured.
 *
 * <p>Thread-safe: started once by the server, closed once; the addresses may be read from any
 * thread.
 */
public final class OperatorEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEndpoints.class);

    private final AdminHttpServer admin;
    private final PrometheusEndpoint prometheus;
    private final List<AutoCloseable> open;

    private OperatorEndpoints(AdminHttpServer admin, PrometheusEndpoint prometheus,
            List<AutoCloseable> open) {
        this.admin = admin;
        this.prometheus = prometheus;
        this.open = open;
    }

    /**
     * Starts each configured endpoint; if one cannot bind, those already started are closed
     * and the failure (naming the endpoint and address) is thrown.
     */
    public static OperatorEndpoints start(OperationsConfig config, AdminSources sources) {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            AdminHttpServer admin = null;
            if (config.adminEnabled()) {
                admin = AdminHttpServer.start(sources, config.adminAddress(),
                        config.adminCommandUrl(), config.console());
                open.add(admin);
            }
            PrometheusEndpoint prometheus = null;
            if (config.prometheusEnabled()) {
                prometheus = PrometheusEndpoint.start(sources, config.prometheusAddress(),
                        config.prometheusJvmMetrics());
                open.add(prometheus);
            }
            if (sources.config().metricsJmxEnabled()) {
                open.add(ServerMBeans.register(sources));
            }
            return new OperatorEndpoints(admin, prometheus, open);
        } catch (RuntimeException e) {
            closeAll(open);
            throw e;
        }
    }

    /** Where the admin commands are served, or null when the admin server is off. */
    public InetSocketAddress adminAddress() {
        return admin == null ? null : admin.address();
    }

    /** Where {@code /metrics} is served, or null when Prometheus is off. */
    public InetSocketAddress prometheusAddress() {
        return prometheus == null ? null : prometheus.address();
    }

    @Override
    public void close() {
        closeAll(open);
    }

    private static void closeAll(List<AutoCloseable> open) {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing an operator endpoint failed", e);
            }
        }
        open.clear();
    }
}
