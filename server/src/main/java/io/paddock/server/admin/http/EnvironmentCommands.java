package io.paddock.server.admin.http;

import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.config.JvmEnvironment;
import io.paddock.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conf, envi and system_properties: the configuration in ZooKeeper's standalone field names,
 * the process environment, and the JVM's system properties. Stateless; thread-safe.
 */
final class EnvironmentCommands {
    private EnvironmentCommands() {
    }

    static List<AdminCommand> all(AdminSources s) {
        return List.of(
                AdminCommand.of(List.of("configuration", "conf", "config"), p -> conf(s.config(), s.clientPort())),
                AdminCommand.of(List.of("environment", "env", "envi"),
                        p -> new LinkedHashMap<>(JvmEnvironment.describe(FourLetterWords.VERSION))),
                AdminCommand.of(List.of("system_properties", "sysp"),
                        p -> new LinkedHashMap<>(JvmEnvironment.systemProperties())));
    }

    /** ZooKeeperServerConf.toMap of a standalone server. */
    private static Map<String, Object> conf(ServerConfig c, int clientPort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_port", clientPort);
        m.put("data_dir", c.dataDir().toAbsolutePath().toString());
        m.put("data_log_dir", c.txnLogDir().toAbsolutePath().toString());
        m.put("tick_time", c.tickTime());
        m.put("max_client_cnxns", c.maxClientCnxns());
        m.put("min_session_timeout", c.minSessionTimeout());
        m.put("max_session_timeout", c.maxSessionTimeout());
        m.put("server_id", 0);
        m.put("client_port_listen_backlog", -1);
        return m;
    }
}
