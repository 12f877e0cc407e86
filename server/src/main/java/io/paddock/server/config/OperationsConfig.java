package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How operators reach a running server besides its client port: the admin HTTP server with
 * ZooKeeper's AdminServer commands, and the Prometheus {@code /metrics} endpoint. Immutable.
 *
 * <p>Two sets of defaults: {@link #zooKeeperDefaults()} for a server started from a zoo.cfg
 * (both on, on ZooKeeper's ports 8080 and 7000 of every address, as an operator expects), and
 * {@link #off()} for a server built in code (tests, embedding), which binds nothing but its
 * client port unless asked.
 *
 * @param adminEnabled serve the admin commands (zoo.cfg {@code admin.enableServer})
 * @param adminAddress where (zoo.cfg {@code admin.serverAddress}, {@code admin.serverPort});
 *     port 0 takes an ephemeral one
 * @param adminCommandUrl the path the commands hang under (zoo.cfg {@code admin.commandURL})
 * @param prometheusEnabled serve {@code /metrics} (Paddock's {@code prometheus.enabled})
 * @param prometheusAddress where (zoo.cfg {@code metricsProvider.httpHost},
 *     {@code metricsProvider.httpPort})
 * @param prometheusJvmMetrics include the JVM's metrics (zoo.cfg
 *     {@code metricsProvider.exportJvmInfo})
 * @param console the web console on the admin port (served only while the admin server is)
 */
public record OperationsConfig(
        boolean adminEnabled,
        InetSocketAddress adminAddress,
        String adminCommandUrl,
        boolean prometheusEnabled,
        InetSocketAddress prometheusAddress,
        boolean prometheusJvmMetrics,
        ConsoleConfig console) {

    public static final int DEFAULT_ADMIN_PORT = 8080;
    public static final int DEFAULT_PROMETHEUS_PORT = 7000;
    public static final String DEFAULT_COMMAND_URL = "/commands";

    public OperationsConfig {
        Objects.requireNonNull(adminAddress, "adminAddress");
        Objects.requireNonNull(prometheusAddress, "prometheusAddress");
        Objects.requireNonNull(console, "console");
        if (adminCommandUrl == null || !adminCommandUrl.startsWith("/")
                || adminCommandUrl.length() < 2 || adminCommandUrl.endsWith("/")) {
            throw new ConfigException("admin.commandURL must be a path like /commands, was "
                    + adminCommandUrl);
        }
    }

    /** Refuses two endpoints on one fixed port, naming both keys. */
    void checkPorts() {
        if (adminEnabled && prometheusEnabled && adminAddress.getPort() != 0
                && adminAddress.getPort() == prometheusAddress.getPort()
                && adminAddress.getHostString().equals(prometheusAddress.getHostString())) {
            throw new ConfigException("admin.serverPort and metricsProvider.httpPort are both "
                    + adminAddress.getPort() + "; they need ports of their own");
        }
    }

    /** ZooKeeper's defaults: admin on 0.0.0.0:8080, Prometheus on 0.0.0.0:7000 with JVM metrics. */
    public static OperationsConfig zooKeeperDefaults() {
        return new OperationsConfig(true, new InetSocketAddress("0.0.0.0", DEFAULT_ADMIN_PORT),
                DEFAULT_COMMAND_URL, true,
                new InetSocketAddress("0.0.0.0", DEFAULT_PROMETHEUS_PORT), true,
                ConsoleConfig.readOnly());
    }

    /** Neither endpoint; were one turned on, it would listen on 127.0.0.1 at the usual port. */
    public static OperationsConfig off() {
        return new OperationsConfig(false, new InetSocketAddress("127.0.0.1", DEFAULT_ADMIN_PORT),
                DEFAULT_COMMAND_URL, false,
                new InetSocketAddress("127.0.0.1", DEFAULT_PROMETHEUS_PORT), true,
                ConsoleConfig.readOnly());
    }

    /** Both endpoints on ephemeral ports of 127.0.0.1, as tests want them. */
    public static OperationsConfig ephemeral() {
        return new OperationsConfig(true, new InetSocketAddress("127.0.0.1", 0),
                DEFAULT_COMMAND_URL, true, new InetSocketAddress("127.0.0.1", 0), true,
                ConsoleConfig.readOnly());
    }

    public OperationsConfig withAdmin(boolean enabled) {
        return new OperationsConfig(enabled, adminAddress, adminCommandUrl, prometheusEnabled,
                prometheusAddress, prometheusJvmMetrics, console);
    }

    public OperationsConfig withAdminHost(String host) {
        return withAdminAddress(new InetSocketAddress(host, adminAddress.getPort()));
    }

    public OperationsConfig withAdminPort(int port) {
        return withAdminAddress(new InetSocketAddress(adminAddress.getHostString(), port));
    }

    private OperationsConfig withAdminAddress(InetSocketAddress a) {
        return new OperationsConfig(adminEnabled, a, adminCommandUrl, prometheusEnabled,
                prometheusAddress, prometheusJvmMetrics, console);
    }

    public OperationsConfig withCommandUrl(String url) {
        return new OperationsConfig(adminEnabled, adminAddress, url, prometheusEnabled,
                prometheusAddress, prometheusJvmMetrics, console);
    }

    public OperationsConfig withPrometheus(boolean enabled) {
        return new OperationsConfig(adminEnabled, adminAddress, adminCommandUrl, enabled,
                prometheusAddress, prometheusJvmMetrics, console);
    }

    public OperationsConfig withPrometheusHost(String host) {
        return withPrometheusAddress(new InetSocketAddress(host, prometheusAddress.getPort()));
    }

    public OperationsConfig withPrometheusPort(int port) {
        return withPrometheusAddress(new InetSocketAddress(prometheusAddress.getHostString(), port));
    }

    private OperationsConfig withPrometheusAddress(InetSocketAddress a) {
        return new OperationsConfig(adminEnabled, adminAddress, adminCommandUrl, prometheusEnabled,
                a, prometheusJvmMetrics, console);
    }

    public OperationsConfig withPrometheusJvmMetrics(boolean v) {
        return new OperationsConfig(adminEnabled, adminAddress, adminCommandUrl, prometheusEnabled,
                prometheusAddress, v, console);
    }

    public OperationsConfig withConsole(ConsoleConfig v) {
        return new OperationsConfig(adminEnabled, adminAddress, adminCommandUrl, prometheusEnabled,
                prometheusAddress, prometheusJvmMetrics, v);
    }
}
