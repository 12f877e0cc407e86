package io.paddock.server.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a ZooKeeper zoo.cfg into a {@link ServerConfig}.
 *
 * <p>An operator's existing zoo.cfg must start: keys Paddock does not know are logged by name
 * and ignored. A known key with a malformed value stops start-up with the file, line and key
 * named. Relative directories resolve against the working directory, as ZooKeeper's do.
 */
public final class ZooCfgParser {
    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgParser.class);

    /** Keys a ZooKeeper operator sets that matter only to features not built yet. */
    private static final Set<String> ACCEPTED_UNUSED = Set.of(
            "initLimit", "syncLimit", "standaloneEnabled", "reconfigEnabled", "admin.enableServer", "admin.serverPort",
            "syncEnabled", "electionAlg", "peerType",
            "quorumListenOnAllIPs", "metricsProvider.className", "dynamicConfigFile");

    private final SecurityKeys securityKeys = new SecurityKeys();

    private final Map<String, BiConsumer<ServerConfig.Builder, String>> keys = Map.ofEntries(
            Map.entry("tickTime", (b, v) -> b.tickTime(positiveInt(v))),
            Map.entry("dataDir", (b, v) -> b.dataDir(Path.of(v))),
            Map.entry("dataLogDir", (b, v) -> b.dataLogDir(Path.of(v))),
            Map.entry("clientPort", (b, v) -> b.clientPort(port(v))),
            Map.entry("clientPortAddress", (b, v) -> b.clientAddress(
                    new InetSocketAddress(v, 0))),
            Map.entry("maxClientCnxns", (b, v) -> b.maxClientCnxns(nonNegativeInt(v))),
            Map.entry("minSessionTimeout", (b, v) -> b.minSessionTimeout(anyInt(v))),
            Map.entry("maxSessionTimeout", (b, v) -> b.maxSessionTimeout(anyInt(v))),
            Map.entry("4lw.commands.whitelist", (b, v) -> b.fourLetterWhitelist(words(v))),
            Map.entry("jute.maxbuffer", (b, v) -> b.juteMaxBuffer(positiveInt(v))),
            Map.entry("extendedTypesEnabled", (b, v) -> b.extendedTypesEnabled(bool(v))),
            Map.entry("znode.container.checkIntervalMs",
                    (b, v) -> b.containerCheckIntervalMs(positiveInt(v))),
            Map.entry("superDigest", (b, v) -> b.superDigest(v)),
            Map.entry("DigestAuthenticationProvider.superDigest", (b, v) -> b.superDigest(v)),
            Map.entry("nio.sessionlessCnxnTimeout", (b, v) -> b.handshakeTimeoutMs(positiveInt(v))),
            Map.entry("jmx.enabled", (b, v) -> b.metricsJmxEnabled(bool(v))),
            // [storage]
            Map.entry("snapCount", (b, v) -> b.snapCount(atLeast(v, 2))),
            Map.entry("preAllocSize", (b, v) -> b.preAllocSizeKb(atLeast(v, 4))),
            Map.entry("forceSync", (b, v) -> b.forceSync(bool(v))),
            Map.entry("fsync.warningthresholdms", (b, v) -> b.fsyncWarningThresholdMs(
                    nonNegativeInt(v))),
            Map.entry("autopurge.snapRetainCount", (b, v) -> b.snapRetainCount(retainCount(v))),
            Map.entry("autopurge.purgeInterval", (b, v) -> b.purgeIntervalHours(
                    Math.max(0, anyInt(v)))),
            Map.entry("snapshot.compression.method", (b, v) -> b.snapshotCompression(
                    compression(v))),
            Map.entry("snapshotOnShutdown", (b, v) -> b.snapshotOnShutdown(bool(v))),
            Map.entry("pipeline.ringSize", (b, v) -> b.pipelineRingSize(powerOfTwo(v))),
            // limits
            Map.entry("globalOutstandingLimit", (b, v) -> b.limits(
                    b.limits().withGlobalOutstandingLimit(nonNegativeInt(v)))),
            Map.entry("maxSessions", (b, v) -> b.limits(b.limits().withMaxSessions(nonNegativeInt(v)))),
            Map.entry("maxWatchesPerSession", (b, v) -> b.limits(
                    b.limits().withMaxWatchesPerSession(nonNegativeInt(v)))),
            Map.entry("connection.maxPendingBytes", (b, v) -> b.limits(
                    b.limits().withMaxPendingBytes(nonNegativeInt(v)))));

    public ServerConfig parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    /** Parses zoo.cfg text; {@code source} names it in error messages. */
    public ServerConfig parse(String source, List<String> lines) {
        // A zoo.cfg without clientPortAddress listens on every interface, as ZooKeeper does.
        ServerConfig.Builder b = ServerConfig.builder()
                .clientAddress(new InetSocketAddress(ServerConfig.DEFAULT_CLIENT_PORT));
        SecurityConfig.Builder security = SecurityConfig.builder();
        int port = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = source + " line " + (i + 1);
            if (eq <= 0) {
                throw new ConfigException(where + ": expected key=value, found '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (key.equals("clientPort")) {
                port = apply(b, key, value, where) ? port(value) : port;
            } else if (securityKeys.handles(key)) {
                applySecurity(security, key, value, where);
            } else {
                apply(b, key, value, where);
            }
        }
        try {
            b.security(security.build());
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        if (port < 0 && security.hasSecurePort()) {
            // secureClientPort instead of clientPort: only the TLS port is served, as in ZooKeeper.
            b.clientAddress(null);
        }
        ServerConfig parsed = withSource(source, b);
        if (port >= 0) {
            parsed = withSource(source, parsed.toBuilder().clientPort(port));
        }
        return parsed;
    }

    private static ServerConfig withSource(String source, ServerConfig.Builder b) {
        try {
            return b.build();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private void applySecurity(SecurityConfig.Builder b, String key, String value, String where) {
        if (value.isEmpty()) {
            throw new ConfigException(where + ": " + key + " has no value");
        }
        try {
            securityKeys.apply(b, key, value);
        } catch (IllegalArgumentException e) {
            String shown = SecurityKeys.isSecret(key) ? "******" : value;
            throw new ConfigException(where + ": " + key + "=" + shown + " is invalid: "
                    + e.getMessage());
        }
    }

    private boolean apply(ServerConfig.Builder b, String key, String value, String where) {
        BiConsumer<ServerConfig.Builder, String> setter = keys.get(key);
        if (setter == null) {
            if (ACCEPTED_UNUSED.contains(key) || SecurityKeys.ACCEPTED_UNUSED.contains(key)
                    || key.startsWith("ssl.quorum.") || key.startsWith("server.")
                    || key.startsWith("group.") || key.startsWith("weight.")) {
                LOG.info("{}: {} is not used by a standalone Paddock server yet; ignored", where, key);
            } else {
                LOG.warn("{}: unknown key {} ignored", where, key);
            }
            return false;
        }
        if (value.isEmpty()) {
            throw new ConfigException(where + ": " + key + " has no value");
        }
        try {
            setter.accept(b, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + "=" + value + " is invalid: "
                    + e.getMessage());
        }
        return true;
    }

    private static int anyInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    private static int positiveInt(String v) {
        int n = anyInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    private static int nonNegativeInt(String v) {
        int n = anyInt(v);
        if (n < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return n;
    }

    private static int atLeast(String v, int min) {
        int n = anyInt(v);
        if (n < min) {
            throw new IllegalArgumentException("must be at least " + min);
        }
        return n;
    }

    private static int powerOfTwo(String v) {
        int n = anyInt(v);
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("must be a power of two of at least 2");
        }
        return n;
    }

    /** ZooKeeper raises a count below 3 to 3 with a warning rather than refusing to start. */
    private static int retainCount(String v) {
        int n = anyInt(v);
        if (n < 3) {
            LOG.warn("autopurge.snapRetainCount={} is below the minimum; using 3", n);
            return 3;
        }
        return n;
    }

    private static boolean compression(String v) {
        if (v.equalsIgnoreCase("lz4")) {
            return true;
        }
        if (v.equalsIgnoreCase("none")) {
            return false;
        }
        throw new IllegalArgumentException("expected lz4 or none");
    }

    private static int port(String v) {
        int n = anyInt(v);
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("not a port number");
        }
        return n;
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static Set<String> words(String v) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
