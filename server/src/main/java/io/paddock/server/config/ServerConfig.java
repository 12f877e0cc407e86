package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything a server needs to start, parsed once (from zoo.cfg, the command line, or
 * a test) and then passed around as this immutable object; nothing reads system properties.
 */
public record ServerConfig(
        int tickTime,
        Path dataDir,
        Path dataLogDir,
        InetSocketAddress clientAddress,
        int maxClientCnxns,
        int minSessionTimeout,
        int maxSessionTimeout,
        Set<String> fourLetterWhitelist,
        int juteMaxBuffer,
        boolean extendedTypesEnabled,
        long containerCheckIntervalMs,
        String superDigest,
        int handshakeTimeoutMs,
        boolean metricsJmxEnabled,
        // [storage] durability, snapshots and retention (zoo.cfg keys of the same names)
        int snapCount,
        long preAllocSizeKb,
        boolean forceSync,
        long fsyncWarningThresholdMs,
        int snapRetainCount,
        int purgeIntervalHours,
        boolean snapshotCompression,
        boolean snapshotOnShutdown,
        // the request pipeline
        int pipelineRingSize,
        // [ops] admin HTTP server and Prometheus endpoint
        OperationsConfig operations,
        // [ensemble] the server.N lines and myid; empty for a standalone server
        Optional<EnsembleConfig> ensemble,
        // TLS, authentication providers, SASL, enforced authentication
        SecurityConfig security,
        // bounds on outstanding requests, sessions, watches and unread replies
        LimitsConfig limits) {

    /** ZooKeeper's jute.maxbuffer default: 0xfffff. */
    public static final int DEFAULT_JUTE_MAX_BUFFER = 0xfffff;
    public static final int DEFAULT_CLIENT_PORT = 2181;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(operations, "operations");
        operations.checkPorts();
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(limits, "limits");
        if (clientAddress == null && security.clientTls() == null) {
            throw new ConfigException("neither clientPort nor secureClientPort is set");
        }
        fourLetterWhitelist = Set.copyOf(fourLetterWhitelist);
        if (tickTime <= 0) {
            throw new ConfigException("tickTime must be positive, was " + tickTime);
        }
        if (minSessionTimeout > maxSessionTimeout) {
            throw new ConfigException("minSessionTimeout " + minSessionTimeout
                    + " is greater than maxSessionTimeout " + maxSessionTimeout);
        }
        if (snapCount < 2) {
            throw new ConfigException("snapCount must be at least 2, was " + snapCount);
        }
        if (preAllocSizeKb < 4) {
            throw new ConfigException("preAllocSize must be at least 4 (KB), was " + preAllocSizeKb);
        }
        if (snapRetainCount < 3) {
            throw new ConfigException("autopurge.snapRetainCount must be at least 3, was "
                    + snapRetainCount);
        }
        if (pipelineRingSize < 2 || Integer.bitCount(pipelineRingSize) != 1) {
            throw new ConfigException("pipeline.ringSize must be a power of two of at least 2, was "
                    + pipelineRingSize);
        }
        if (purgeIntervalHours < 0 || fsyncWarningThresholdMs < 0) {
            throw new ConfigException("autopurge.purgeInterval and fsync.warningthresholdms"
                    + " must not be negative");
        }
    }

    /**
     * [ensemble] Whether this server runs alone: no server.N lines, or a single one with
     * standaloneEnabled=true (the default), as in ZooKeeper.
     */
    public boolean isStandalone() {
        return ensemble.isEmpty();
    }

    /** Whether the plaintext client port is served (it is not when only secureClientPort is set). */
    public boolean hasPlainClientPort() {
        return clientAddress != null;
    }

    /** The directory for transaction logs: dataLogDir when set, else dataDir. */
    public Path txnLogDir() {
        return dataLogDir != null ? dataLogDir : dataDir;
    }

    public boolean fourLetterAllowed(String command) {
        // isro joins the whitelist with read-only mode, as in ZooKeeper: clients probe with it.
        boolean readOnlyProbe = command.equals("isro")
                && ensemble.map(EnsembleConfig::readOnlyMode).orElse(false);
        return readOnlyProbe || fourLetterWhitelist.contains("*")
                || fourLetterWhitelist.contains(command);
    }

    /** Clamps a client's requested session timeout into [min, max], as ZooKeeper does. */
    public int negotiateSessionTimeout(int requested) {
        return Math.max(minSessionTimeout, Math.min(maxSessionTimeout, requested));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tickTime = tickTime;
        b.dataDir = dataDir;
        b.dataLogDir = dataLogDir;
        b.clientAddress = clientAddress;
        b.maxClientCnxns = maxClientCnxns;
        b.minSessionTimeout = minSessionTimeout;
        b.maxSessionTimeout = maxSessionTimeout;
        b.fourLetterWhitelist = fourLetterWhitelist;
        b.juteMaxBuffer = juteMaxBuffer;
        b.extendedTypesEnabled = extendedTypesEnabled;
        b.containerCheckIntervalMs = containerCheckIntervalMs;
        b.superDigest = superDigest;
        b.handshakeTimeoutMs = handshakeTimeoutMs;
        b.metricsJmxEnabled = metricsJmxEnabled;
        b.snapCount = snapCount;
        b.preAllocSizeKb = preAllocSizeKb;
        b.forceSync = forceSync;
        b.fsyncWarningThresholdMs = fsyncWarningThresholdMs;
        b.snapRetainCount = snapRetainCount;
        b.purgeIntervalHours = purgeIntervalHours;
        b.snapshotCompression = snapshotCompression;
        b.snapshotOnShutdown = snapshotOnShutdown;
        b.pipelineRingSize = pipelineRingSize;
        b.operations = operations;
        b.ensemble = ensemble.orElse(null);
        b.security = security;
        b.limits = limits;
        return b;
    }

    /**
     * Built-in defaults: ZooKeeper's values, except that with no config at all the server listens
     * on 127.0.0.1:2181 and keeps data under ./data.
     */
    public static final class Builder {
        private int tickTime = 2000;
        private Path dataDir = Path.of("data");
        private Path dataLogDir;
        private InetSocketAddress clientAddress = new InetSocketAddress("127.0.0.1", DEFAULT_CLIENT_PORT);
        private int maxClientCnxns = 60;
        private int minSessionTimeout = -1;
        private int maxSessionTimeout = -1;
        private Set<String> fourLetterWhitelist = Set.of("srvr");
        private int juteMaxBuffer = DEFAULT_JUTE_MAX_BUFFER;
        private boolean extendedTypesEnabled;
        private long containerCheckIntervalMs = 60_000;
        private String superDigest;
        private int handshakeTimeoutMs = 10_000;
        private boolean metricsJmxEnabled = true;
        private int snapCount = 100_000;
        private long preAllocSizeKb = 65_536;
        private boolean forceSync = true;
        private long fsyncWarningThresholdMs = 1000;
        private int snapRetainCount = 3;
        private int purgeIntervalHours;
        private boolean snapshotCompression;
        private boolean snapshotOnShutdown = true;
        private int pipelineRingSize = 4096;
        private OperationsConfig operations = OperationsConfig.off();
        private EnsembleConfig ensemble;
        private SecurityConfig security = SecurityConfig.NONE;
        private LimitsConfig limits = LimitsConfig.DEFAULTS;

        public Builder tickTime(int v) {
            tickTime = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder dataLogDir(Path v) {
            dataLogDir = v;
            return this;
        }

        /** The plaintext client port's address; null serves only the secure port. */
        public Builder clientAddress(InetSocketAddress v) {
            clientAddress = v;
            return this;
        }

        /** TLS, authentication providers, SASL and enforced authentication. */
        public Builder security(SecurityConfig v) {
            security = v;
            return this;
        }

        /** Bounds on outstanding requests, sessions, watches and unread replies. */
        public Builder limits(LimitsConfig v) {
            limits = v;
            return this;
        }

        public LimitsConfig limits() {
            return limits;
        }

        public Builder clientPort(int port) {
            if (clientAddress == null) {
                clientAddress = new InetSocketAddress(port);
                return this;
            }
            clientAddress = clientAddress.isUnresolved()
                    ? InetSocketAddress.createUnresolved(clientAddress.getHostString(), port)
                    : new InetSocketAddress(clientAddress.getAddress(), port);
            return this;
        }

        public Builder maxClientCnxns(int v) {
            maxClientCnxns = v;
            return this;
        }

        public Builder minSessionTimeout(int v) {
            minSessionTimeout = v;
            return this;
        }

        public Builder maxSessionTimeout(int v) {
            maxSessionTimeout = v;
            return this;
        }

        public Builder fourLetterWhitelist(Set<String> v) {
            fourLetterWhitelist = v;
            return this;
        }

        public Builder juteMaxBuffer(int v) {
            juteMaxBuffer = v;
            return this;
        }

        public Builder extendedTypesEnabled(boolean v) {
            extendedTypesEnabled = v;
            return this;
        }

        public Builder containerCheckIntervalMs(long v) {
            containerCheckIntervalMs = v;
            return this;
        }

        public Builder superDigest(String v) {
            superDigest = v;
            return this;
        }

        public Builder handshakeTimeoutMs(int v) {
            handshakeTimeoutMs = v;
            return this;
        }

        public Builder metricsJmxEnabled(boolean v) {
            metricsJmxEnabled = v;
            return this;
        }

        /** [storage] Take a snapshot about every this many txns (ZooKeeper's snapCount). */
        public Builder snapCount(int v) {
            snapCount = v;
            return this;
        }

        /** [storage] Txn log preallocation block in kilobytes (ZooKeeper's preAllocSize). */
        public Builder preAllocSizeKb(long v) {
            preAllocSizeKb = v;
            return this;
        }

        /** [storage] Whether the txn log fsyncs before acknowledging (ZooKeeper's forceSync). */
        public Builder forceSync(boolean v) {
            forceSync = v;
            return this;
        }

        public Builder fsyncWarningThresholdMs(long v) {
            fsyncWarningThresholdMs = v;
            return this;
        }

        /** [storage] Snapshots kept by autopurge; at least 3. */
        public Builder snapRetainCount(int v) {
            snapRetainCount = v;
            return this;
        }

        /** [storage] Hours between autopurge runs; 0 turns autopurge off. */
        public Builder purgeIntervalHours(int v) {
            purgeIntervalHours = v;
            return this;
        }

        /** [storage] LZ4-compress new snapshots. */
        public Builder snapshotCompression(boolean v) {
            snapshotCompression = v;
            return this;
        }

        /**
         * [storage] Write a snapshot at a clean shutdown when txns were applied since the last
         * one, so the next start need not replay the log.
         */
        public Builder snapshotOnShutdown(boolean v) {
            snapshotOnShutdown = v;
            return this;
        }

        /**
         * Slots in each of the pipeline's two rings (a power of two). A connection whose
         * request finds its ring full stops being read until the ring drains to half.
         */
        public Builder pipelineRingSize(int v) {
            pipelineRingSize = v;
            return this;
        }

        /** [ops] The admin HTTP and Prometheus endpoints; off unless set (zoo.cfg turns them on). */
        public Builder operations(OperationsConfig v) {
            operations = v;
            return this;
        }

        /** [ops] Changes one setting of the admin HTTP or Prometheus endpoint. */
        public Builder updateOperations(UnaryOperator<OperationsConfig> change) {
            operations = change.apply(operations);
            return this;
        }

        /** [ensemble] The ensemble this server belongs to; null (the default) runs it standalone. */
        public Builder ensemble(EnsembleConfig v) {
            ensemble = v;
            return this;
        }

        /** Session timeout bounds default to 2 and 20 ticks, as in ZooKeeper. */
        public ServerConfig build() {
            int min = minSessionTimeout > 0 ? minSessionTimeout : 2 * tickTime;
            int max = maxSessionTimeout > 0 ? maxSessionTimeout : 20 * tickTime;
            return new ServerConfig(tickTime, dataDir, dataLogDir, clientAddress, maxClientCnxns,
                    min, max, fourLetterWhitelist, juteMaxBuffer, extendedTypesEnabled,
                    containerCheckIntervalMs, superDigest, handshakeTimeoutMs, metricsJmxEnabled,
                    snapCount, preAllocSizeKb, forceSync, fsyncWarningThresholdMs,
                    snapRetainCount, purgeIntervalHours, snapshotCompression, snapshotOnShutdown,
                    pipelineRingSize, operations,
                    Optional.ofNullable(ensemble), security, limits);
        }
    }
}
