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
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a ZooKeeper zoo.cfg into a {@link ServerConfig}.
 *
 * <p>An operator's existing zoo.cfg must start: the file is read as ZooKeeper reads it, with
 * {@code java.util.Properties} rules ({@code key=value}, {@code key value}, {@code key:value},
 * escapes, continuation lines, {@code #} and {@code !} comments; ISO-8859-1; keys and values
 * trimmed), see {@link ZooCfgReader}. Keys Paddock does not know are logged by name and ignored.
 * A known key with a malformed value stops start-up with the file, line and key named. Relative
 * directories resolve against the working directory, as ZooKeeper's do. The ensemble keys
 * ({@code server.N}, myid, initLimit, ...) are read by {@link EnsembleKeys} and
 * {@link EnsembleResolver}.
 *
 * <p>ZooKeeper options given as system properties ({@code -Dzookeeper.extendedTypesEnabled=true},
 * {@code -Djute.maxbuffer=...}; see {@link SystemPropertyKeys}) are honoured by a parser made with
 * {@link #withSystemProperties()}, read once, under ZooKeeper's precedence: a zoo.cfg key wins over
 * the property (ZooKeeper writes its zoo.cfg keys over the {@code zookeeper.*} properties), and the
 * property wins over the default. A bad property value stops start-up naming the property.
 *
 * <p>Thread-safe: each parse works on its own objects.
 */
public final class ZooCfgParser {
    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgParser.class);

    /** Keys a ZooKeeper operator sets that matter only to features not built yet. */
    private static final Set<String> ACCEPTED_UNUSED = Set.of(
            "reconfigEnabled", "admin.idleTimeout", "syncEnabled", "electionAlg");

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
            // [ops] the admin HTTP server and the Prometheus endpoint
            Map.entry("admin.enableServer", (b, v) -> b.updateOperations(o -> o.withAdmin(bool(v)))),
            Map.entry("admin.serverAddress", (b, v) -> b.updateOperations(o -> o.withAdminHost(v))),
            Map.entry("admin.serverPort", (b, v) -> b.updateOperations(o -> o.withAdminPort(port(v)))),
            Map.entry("admin.commandURL", (b, v) -> b.updateOperations(o -> o.withCommandUrl(commandUrl(v)))),
            Map.entry("metricsProvider.className", (b, v) -> b.updateOperations(
                    o -> metricsProvider(v) ? o : o.withPrometheus(false))),
            Map.entry("metricsProvider.httpHost", (b, v) -> b.updateOperations(
                    o -> o.withPrometheusHost(v))),
            Map.entry("metricsProvider.httpPort", (b, v) -> b.updateOperations(
                    o -> o.withPrometheusPort(port(v)))),
            Map.entry("metricsProvider.exportJvmInfo", (b, v) -> b.updateOperations(
                    o -> o.withPrometheusJvmMetrics(bool(v)))),
            Map.entry("prometheus.enabled", (b, v) -> b.updateOperations(
                    o -> o.withPrometheus(bool(v)))),
            Map.entry("paddock.console.enabled", (b, v) -> b.updateOperations(
                    o -> o.withConsole(o.console().withEnabled(bool(v))))),
            Map.entry("paddock.console.writesEnabled", (b, v) -> b.updateOperations(
                    o -> o.withConsole(o.console().withWritesEnabled(bool(v))))),
            // limits
            Map.entry("globalOutstandingLimit", (b, v) -> b.limits(
                    b.limits().withGlobalOutstandingLimit(nonNegativeInt(v)))),
            Map.entry("maxSessions", (b, v) -> b.limits(b.limits().withMaxSessions(nonNegativeInt(v)))),
            Map.entry("maxWatchesPerSession", (b, v) -> b.limits(
                    b.limits().withMaxWatchesPerSession(nonNegativeInt(v)))),
            Map.entry("connection.maxPendingBytes", (b, v) -> b.limits(
                    b.limits().withMaxPendingBytes(nonNegativeInt(v)))));

    private final Properties systemProperties;

    /** A parser that reads zoo.cfg text only. */
    public ZooCfgParser() {
        this(new Properties());
    }

    /** A parser that also honours ZooKeeper options among {@code systemProperties}. */
    public ZooCfgParser(Properties systemProperties) {
        this.systemProperties = new Properties();
        systemProperties.forEach(this.systemProperties::put);
    }

    /** A parser that honours this JVM's system properties, as they are now. */
    public static ZooCfgParser withSystemProperties() {
        return new ZooCfgParser(System.getProperties());
    }

    /** With no zoo.cfg: the built-in defaults, under the system properties. */
    public ServerConfig defaults() {
        ServerConfig.Builder b = ServerConfig.builder();
        applySystemProperties(b);
        return b.build();
    }

    private void applySystemProperties(ServerConfig.Builder b) {
        SystemPropertyKeys.read(systemProperties).forEach((property, kv) ->
                apply(b, kv.getKey(), kv.getValue(), "system property " + property));
    }

    /** Reads a zoo.cfg file; as ZooKeeper's Properties.load(InputStream), in ISO-8859-1. */
    public ServerConfig parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses zoo.cfg lines; {@code source} names them in error messages. */
    public ServerConfig parse(String source, List<String> lines) {
        return parse(source, String.join("\n", lines));
    }

    /** Parses zoo.cfg text; {@code source} names it in error messages. */
    public ServerConfig parse(String source, String text) {
        // A zoo.cfg without clientPortAddress listens on every interface, as ZooKeeper does.
        ServerConfig.Builder b = ServerConfig.builder()
                .clientAddress(new InetSocketAddress(ServerConfig.DEFAULT_CLIENT_PORT))
                .operations(OperationsConfig.zooKeeperDefaults());
        applySystemProperties(b);
        EnsembleKeys ensemble = new EnsembleKeys();
        SecurityConfig.Builder security = SecurityConfig.builder();
        String jaas = systemProperties.getProperty(QuorumSaslConfig.JAAS_PROPERTY);
        if (jaas != null && !jaas.isBlank()) {
            // ZooKeeper's quorum SASL reads the JVM-wide JAAS file; the client port keeps
            // Paddock's own sasl.jaasConfig.
            security.quorumSasl().jaasConfig(Path.of(jaas.trim()));
        }
        int port = -1;
        for (ZooCfgReader.Entry entry : ZooCfgReader.read(source, text)) {
            String key = entry.key();
            String value = entry.value();
            String where = source + " line " + entry.line();
            if (key.equals("clientPort")) {
                port = apply(b, key, value, where) ? port(value) : port;
                ensemble.located(key, where);
            } else if (ensemble.handles(key)) {
                ensemble.apply(key, value, where);
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
        return new EnsembleResolver(ensemble, source).resolve(parsed, port >= 0);
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
            if (key.startsWith("ssl.quorum.")) {
                LOG.warn("{}: {} is not supported by Paddock's quorum TLS; ignored", where, key);
            } else if (ACCEPTED_UNUSED.contains(key) || SecurityKeys.ACCEPTED_UNUSED.contains(key)) {
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

    static int anyInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    static int positiveInt(String v) {
        int n = anyInt(v);
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    static int nonNegativeInt(String v) {
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

    /**
     * [ops] Paddock serves Prometheus itself: ZooKeeper's NullMetricsProvider turns that off,
     * any other provider leaves it as it is.
     */
    private static boolean metricsProvider(String className) {
        if (className.endsWith(".NullMetricsProvider")) {
            return false;
        }
        if (!className.endsWith(".PrometheusMetricsProvider")) {
            LOG.warn("metricsProvider.className={} is not loaded; Paddock serves Prometheus"
                    + " metrics itself (prometheus.enabled=false turns that off)", className);
        }
        return true;
    }

    private static String commandUrl(String v) {
        if (!v.startsWith("/") || v.length() < 2 || v.endsWith("/")) {
            throw new IllegalArgumentException("expected a path like /commands");
        }
        return v;
    }

    private static int port(String v) {
        int n = anyInt(v);
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("not a port number");
        }
        return n;
    }

    static boolean bool(String v) {
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
