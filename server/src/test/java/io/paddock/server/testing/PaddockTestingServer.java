package io.paddock.server.testing;

import io.paddock.server.PaddockServer;
import io.paddock.server.ServerHooks;
import io.paddock.server.config.OperationsConfig;
import io.paddock.server.config.LimitsConfig;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A standalone Paddock server in this JVM on an ephemeral 127.0.0.1 port, for tests
 * (Curator's TestingServer). Published in the server's test-jar for other modules' tests.
 */
public final class PaddockTestingServer implements AutoCloseable {
    private final Path ownedDir;
    private final ServerHooks hooks;
    private volatile PaddockServer server;

    private PaddockTestingServer(PaddockServer server, Path ownedDir, ServerHooks hooks) {
        this.server = server;
        this.ownedDir = ownedDir;
        this.hooks = hooks;
    }

    /** Starts a server with defaults (tickTime 2000, extended types on, all 4lw allowed). */
    public static PaddockTestingServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "127.0.0.1:port", ready for new ZooKeeper(...) or CuratorFrameworkFactory. */
    public String connectString() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.address().getPort();
    }

    /** "127.0.0.1:port" of the secure (TLS) client port, when the security settings have one. */
    public String secureConnectString() {
        return "127.0.0.1:" + server.secureAddress().getPort();
    }

    public PaddockServer server() {
        return server;
    }

    /**
     * Stops the server and starts a new one on the same port and data directory, as an operator's
     * restart: it recovers from the snapshots and log on disk, and clients reconnect to it.
     */
    public PaddockTestingServer restart() {
        PaddockServer old = server;
        old.close();
        ServerConfig config = old.config().toBuilder().clientPort(old.address().getPort()).build();
        server = startServer(config, hooks);
        return this;
    }

    /** Stops the server; deletes its data directory if the builder made a temporary one. */
    @Override
    public void close() {
        server.close();
        if (ownedDir != null) {
            deleteRecursively(ownedDir);
        }
    }

    private static PaddockServer startServer(ServerConfig config, ServerHooks hooks) {
        try {
            return new PaddockServer(config, hooks).start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    /** Options a test may change; each mirrors the zoo.cfg key of the same name. */
    public static final class Builder {
        private Path dataDir;
        private ServerHooks hooks = ServerHooks.NONE;
        private final ServerConfig.Builder config = ServerConfig.builder()
                .clientAddress(new InetSocketAddress("127.0.0.1", 0))
                .extendedTypesEnabled(true)
                .fourLetterWhitelist(Set.of("*"))
                .metricsJmxEnabled(false);

        /**
         * [ops] Serves the admin HTTP commands and Prometheus metrics on ephemeral ports of
         * 127.0.0.1 (see {@link PaddockServer#adminAddress()}); off unless asked.
         */
        public Builder operatorEndpoints() {
            config.operations(OperationsConfig.ephemeral());
            return this;
        }

        /** [ops] The admin HTTP and Prometheus endpoints exactly as given. */
        public Builder operations(OperationsConfig operations) {
            config.operations(operations);
            return this;
        }

        /**
         * [ops] Exports the Dropwizard metrics and the MBean tree over JMX (zoo.cfg jmx.enabled;
         * off here by default, since the names of two servers in one JVM differ only by port).
         */
        public Builder jmxEnabled(boolean enabled) {
            config.metricsJmxEnabled(enabled);
            return this;
        }

        public Builder tickTime(int millis) {
            config.tickTime(millis);
            return this;
        }

        public Builder minSessionTimeout(int millis) {
            config.minSessionTimeout(millis);
            return this;
        }

        public Builder maxSessionTimeout(int millis) {
            config.maxSessionTimeout(millis);
            return this;
        }

        public Builder extendedTypesEnabled(boolean enabled) {
            config.extendedTypesEnabled(enabled);
            return this;
        }

        /** "super:<base64 sha1 digest>" as zookeeper.DigestAuthenticationProvider.superDigest. */
        public Builder superDigest(String digest) {
            config.superDigest(digest);
            return this;
        }

        public Builder maxClientCnxns(int max) {
            config.maxClientCnxns(max);
            return this;
        }

        /** Comma-separated, as 4lw.commands.whitelist; "*" allows all. */
        public Builder fourLetterWhitelist(String commands) {
            config.fourLetterWhitelist(Arrays.stream(commands.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
            return this;
        }

        public Builder containerCheckIntervalMs(long millis) {
            config.containerCheckIntervalMs(millis);
            return this;
        }

        public Builder juteMaxBuffer(int bytes) {
            config.juteMaxBuffer(bytes);
            return this;
        }

        /** How long a connection may sit without completing its handshake. */
        public Builder handshakeTimeoutMs(int millis) {
            config.handshakeTimeoutMs(millis);
            return this;
        }

        /**
         * Keeps snapshots and the txn log in this directory, which the server does not delete,
         * so a test can start another server on the same data. By default each server gets a
         * temporary directory, deleted on close.
         */
        public Builder dataDir(Path dir) {
            dataDir = dir;
            return this;
        }

        /** Take a snapshot about every this many txns (zoo.cfg snapCount). */
        public Builder snapCount(int txns) {
            config.snapCount(txns);
            return this;
        }

        /** zoo.cfg forceSync: whether each group commit is fsynced (default true). */
        public Builder forceSync(boolean force) {
            config.forceSync(force);
            return this;
        }

        /** zoo.cfg snapshot.compression.method=lz4 when true. */
        public Builder snapshotCompression(boolean compress) {
            config.snapshotCompression(compress);
            return this;
        }

        /** zoo.cfg snapshotOnShutdown: snapshot at a clean close if behind (default true). */
        public Builder snapshotOnShutdown(boolean snapshot) {
            config.snapshotOnShutdown(snapshot);
            return this;
        }

        /** zoo.cfg fsync.warningthresholdms: fsyncs slower than this are counted as slow. */
        public Builder fsyncWarningThresholdMs(long millis) {
            config.fsyncWarningThresholdMs(millis);
            return this;
        }

        /**
         * zoo.cfg jmx.enabled; off by default here, since the MBean names are per JVM and two
         * servers exporting at once would clash.
         */
        public Builder metricsJmxEnabled(boolean enabled) {
            config.metricsJmxEnabled(enabled);
            return this;
        }

        /** Slots in each pipeline ring (a power of two); small ones make back-pressure easy to reach. */
        public Builder pipelineRingSize(int slots) {
            config.pipelineRingSize(slots);
            return this;
        }

        /** TLS, auth providers, SASL, enforced auth (the zoo.cfg ssl.*, authProvider.N ... keys). */
        public Builder security(SecurityConfig security) {
            config.security(security);
            return this;
        }

        /** Bounds on outstanding requests, sessions, watches per session and unread reply bytes. */
        public Builder limits(LimitsConfig limits) {
            config.limits(limits);
            return this;
        }

        /** Serves only the secure port: no plaintext clientPort, as a zoo.cfg without one. */
        public Builder noPlainClientPort() {
            config.clientAddress(null);
            return this;
        }

        /** Hooks into the txn log and apply stage, to make them fail (kept across restarts). */
        public Builder hooks(ServerHooks serverHooks) {
            hooks = serverHooks;
            return this;
        }

        public PaddockTestingServer start() {
            try {
                Path owned = dataDir == null ? Files.createTempDirectory("paddock-test") : null;
                Path dir = dataDir == null ? owned : dataDir;
                return new PaddockTestingServer(startServer(config.dataDir(dir).build(), hooks),
                        owned, hooks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
