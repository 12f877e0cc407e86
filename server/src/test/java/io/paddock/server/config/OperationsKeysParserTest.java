package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** [ops] The admin server and Prometheus keys of zoo.cfg, and their defaults. */
class OperationsKeysParserTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    private OperationsConfig parse(String... lines) {
        return parser.parse("zoo.cfg", List.of(lines)).operations();
    }

    @Test
    void aZooCfgGetsZooKeepersPortsOnEveryAddress() {
        OperationsConfig o = parse("tickTime=2000");
        assertTrue(o.adminEnabled());
        assertEquals(8080, o.adminAddress().getPort());
        assertEquals("0.0.0.0", o.adminAddress().getHostString());
        assertEquals("/commands", o.adminCommandUrl());
        assertTrue(o.prometheusEnabled());
        assertEquals(7000, o.prometheusAddress().getPort());
        assertEquals("0.0.0.0", o.prometheusAddress().getHostString());
        assertTrue(o.prometheusJvmMetrics());
    }

    @Test
    void aServerBuiltInCodeBindsNothingButItsClientPort() {
        OperationsConfig o = ServerConfig.builder().build().operations();
        assertFalse(o.adminEnabled());
        assertFalse(o.prometheusEnabled());
    }

    @Test
    void readsZooKeepersKeys() {
        OperationsConfig o = parse("admin.serverAddress=127.0.0.1", "admin.serverPort=9090",
                "admin.commandURL=/zk", "metricsProvider.className="
                        + "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider",
                "metricsProvider.httpHost=127.0.0.1", "metricsProvider.httpPort=9091",
                "metricsProvider.exportJvmInfo=false", "admin.idleTimeout=30000");
        assertEquals("127.0.0.1", o.adminAddress().getHostString());
        assertEquals(9090, o.adminAddress().getPort());
        assertEquals("/zk", o.adminCommandUrl());
        assertTrue(o.prometheusEnabled());
        assertEquals("127.0.0.1", o.prometheusAddress().getHostString());
        assertEquals(9091, o.prometheusAddress().getPort());
        assertFalse(o.prometheusJvmMetrics());
    }

    @Test
    void eachEndpointTurnsOff() {
        assertFalse(parse("admin.enableServer=false").adminEnabled());
        assertFalse(parse("prometheus.enabled=false").prometheusEnabled());
        assertFalse(parse("metricsProvider.className="
                + "org.apache.zookeeper.metrics.impl.NullMetricsProvider").prometheusEnabled());
        assertFalse(parse("prometheus.enabled=false", "metricsProvider.className="
                + "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider")
                .prometheusEnabled(), "naming the provider does not turn it back on");
    }

    @Test
    void badValuesNameTheLineAndKey() {
        ConfigException port = assertThrows(ConfigException.class,
                () -> parse("admin.serverPort=80800"));
        assertTrue(port.getMessage().contains("zoo.cfg line 1: admin.serverPort=80800 is invalid"),
                port.getMessage());
        ConfigException url = assertThrows(ConfigException.class,
                () -> parse("admin.commandURL=commands"));
        assertTrue(url.getMessage().contains("admin.commandURL"), url.getMessage());
        ConfigException clash = assertThrows(ConfigException.class,
                () -> parse("admin.serverPort=7000"));
        assertTrue(clash.getMessage().contains("admin.serverPort and metricsProvider.httpPort"),
                clash.getMessage());
    }
}
