package io.paddock.server.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper options that operators set as system properties (in SERVER_JVMFLAGS), mapped to the
 * zoo.cfg keys Paddock reads: {@code -Dzookeeper.extendedTypesEnabled=true} is
 * {@code extendedTypesEnabled=true}, {@code -Djute.maxbuffer=...} is {@code jute.maxbuffer}.
 * ZooKeeper-looking properties Paddock has no setting for are logged by name. Stateless.
 */
final class SystemPropertyKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SystemPropertyKeys.class);

    /** System property, as ZooKeeper 3.9 reads it, to zoo.cfg key. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("zookeeper.extendedTypesEnabled", "extendedTypesEnabled"),
            Map.entry("znode.container.checkIntervalMs", "znode.container.checkIntervalMs"),
            Map.entry("zookeeper.4lw.commands.whitelist", "4lw.commands.whitelist"),
            Map.entry("jute.maxbuffer", "jute.maxbuffer"),
            Map.entry("readonlymode.enabled", "readonlymode.enabled"),
            Map.entry("zookeeper.snapshot.compression.method", "snapshot.compression.method"),
            Map.entry("zookeeper.snapCount", "snapCount"),
            Map.entry("zookeeper.preAllocSize", "preAllocSize"),
            Map.entry("zookeeper.forceSync", "forceSync"),
            Map.entry("zookeeper.fsync.warningthresholdms", "fsync.warningthresholdms"),
            Map.entry("fsync.warningthresholdms", "fsync.warningthresholdms"),
            Map.entry("zookeeper.DigestAuthenticationProvider.superDigest", "superDigest"),
            Map.entry("zookeeper.nio.sessionlessCnxnTimeout", "nio.sessionlessCnxnTimeout"),
            Map.entry("zookeeper.admin.enableServer", "admin.enableServer"),
            Map.entry("zookeeper.admin.serverAddress", "admin.serverAddress"),
            Map.entry("zookeeper.admin.serverPort", "admin.serverPort"),
            Map.entry("zookeeper.admin.commandURL", "admin.commandURL"));

    private SystemPropertyKeys() {
    }

    /**
     * The zoo.cfg keys and values the properties set, sorted by property name; a property of
     * ZooKeeper's (zookeeper.*, jute.*, znode.*, readonlymode.*) that maps to nothing is logged.
     */
    static Map<String, Map.Entry<String, String>> read(Properties properties) {
        Map<String, Map.Entry<String, String>> out = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            String key = KEYS.get(name);
            if (key != null) {
                out.put(name, Map.entry(key, properties.getProperty(name).trim()));
            } else if (looksLikeZooKeeper(name)) {
                LOG.warn("system property {} is not used by Paddock; ignored", name);
            }
        }
        return out;
    }

    private static boolean looksLikeZooKeeper(String name) {
        return name.startsWith("zookeeper.") || name.startsWith("jute.")
                || name.startsWith("znode.") || name.startsWith("readonlymode.");
    }
}
