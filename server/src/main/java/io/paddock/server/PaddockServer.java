package io.paddock.server;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.EmptyRequest;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.admin.AdminSources;
import io.paddock.server.admin.FourLetterWords;
import io.paddock.server.admin.OperatorEndpoints;
import io.paddock.server.admin.console.PipelineZnodeWriter;
import io.paddock.server.auth.AuthProviders;
import io.paddock.server.auth.ServerAuth;
import io.paddock.server.admin.ServerView;
import io.paddock.server.config.ConfigZnode;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.ensemble.EnsembleClients;
import io.paddock.server.ensemble.EnsemblePeer;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.migrate.ZooKeeperStartup;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ClientPortListener;
import io.paddock.server.net.ConnectionRegistry;
import io.paddock.server.net.IoGroups;
import io.paddock.server.net.ServingState;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.pipeline.ClientChannel;
import io.paddock.server.pipeline.PipelineSettings;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.server.request.PrepareSettings;
import io.paddock.server.request.ReadRequestProcessor;
import io.paddock.server.request.RequestPreparer;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.log.TxnLog;
import io.paddock.storage.epoch.EpochStore;
import io.paddock.zab.EpochState;
import io.paddock.zab.PeerConfig;
import io.paddock.zab.ZabPeer;
import io.paddock.zab.Zxids;
import io.paddock.zab.quorum.MajorityQuorum;
import io.paddock.zab.runtime.PeerDriver;
import io.paddock.zab.runtime.StorageLogView;
import io.paddock.zab.runtime.ZxidCounter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Paddock server: the znode tree, sessions and watches behind the request
 * pipeline, served on the client port. {@link #start()} binds and returns; {@link #close()}
 * stops accepting, drains the pipeline, writes a shutdown snapshot (snapshotOnShutdown, and
 * only if {@link #start()} completed) and releases every thread. A start that fails releases
 * what it had started, with no snapshot.
 *
 * <p>Fail-stop: when the txn log fails, or a logged txn throws while being applied, the
 * pipeline acknowledges nothing more and the server stops on its own: it closes the client
 * port and every connection, releases storage without a shutdown snapshot, and completes
 * {@link #failure()}, which {@link Main} turns into a non-zero exit.
 *
 * <p>Thread-safe start/close; everything else runs on the pipeline, Netty and ticker threads.
 */
public final class PaddockServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaddockServer.class);

    private final ServerConfig config;
    private final AuthRegistry auth; // [console] digest credentials of console writes
    private final WatchManager watches = new WatchManager();
    private final ServerStorage storage; // [storage]
    private final DataTree tree;
    private final SessionTracker sessions;
    private final RequestPipeline pipeline;
    private final EnsemblePeer peer; // [ensemble] null for a standalone server
    private final RequestPreparer preparer;
    private final ConnectionRegistry connections;
    private final ServerStats stats = new ServerStats(new MetricRegistry());
    private final ClientPortListener listener;
    private final ScheduledExecutorService ticker;
    private final JmxReporter jmx;
    private final CompletableFuture<ServerFailure> failure = new CompletableFuture<>();
    private final long startMillis = System.currentTimeMillis();
    private InetSocketAddress boundAddress;
    private volatile OperatorEndpoints operatorEndpoints; // [ops] admin HTTP, Prometheus
    private volatile boolean started;
    private boolean stopped; // guarded by this
    private volatile boolean stopping;

    public PaddockServer(ServerConfig config) {
        this(config, ServerHooks.NONE);
    }

    /** A server with test hooks into its txn log and apply stage; see {@link ServerHooks}. */
    public PaddockServer(ServerConfig config, ServerHooks hooks) {
        this.config = config;
        // A security setting that cannot work (auth providers, JAAS file) stops us here, early.
        ServerAuth serverAuth = AuthProviders.build(config);
        this.auth = serverAuth.registry();
        // What needs no recovered state (Netty's event loops, the platform MBean server) is set
        // up beside the recovery: each costs a few hundred milliseconds of class loading.
        StartupTasks early = new StartupTasks();
        CompletableFuture<IoGroups> io = early.run("paddock-io-start", IoGroups::create);
        CompletableFuture<JmxReporter> jmxStart = config.metricsJmxEnabled()
                ? early.run("paddock-jmx-start", () -> {
                    JmxReporter r = JmxReporter.forRegistry(stats.registry()).inDomain("io.paddock")
                            .build();
                    r.start();
                    return r;
                })
                : CompletableFuture.completedFuture(null);
        try {
            // [storage] Recover before anything reads the tree: the pipeline seeds its zxid
            // counter from tree.lastProcessedZxid().
            // [migrate] On a ZooKeeper data directory the storage lives beside ZooKeeper's files.
            ServerConfig storageConfig = ZooKeeperStartup.storageConfig(config);
            this.storage = ServerStorage.open(storageConfig, watches, System::currentTimeMillis,
                    stats.storage());
        } catch (RuntimeException e) {
            StartupTasks.release(io, IoGroups::close);
            StartupTasks.release(jmxStart, JmxReporter::close);
            throw e;
        }
        stats.storage().watch(storage.fileLog());
        this.tree = storage.tree();
        this.sessions = storage.sessions();
        this.preparer = new RequestPreparer(tree,
                new PrepareSettings(config.extendedTypesEnabled()), auth);
        ReadRequestProcessor reads = new ReadRequestProcessor(tree, auth,
                config.limits().maxWatchesPerSession());
        TxnLog log = hooks.txnLog().apply(storage.txnLog()); // [storage]
        PipelineSettings settings = new PipelineSettings(config.pipelineRingSize(),
                hooks.beforeApply(), this::failStop, config.limits().globalOutstandingLimit());
        try {
            if (config.ensemble().isPresent()) {
                // [ensemble] ZAB on the network decides; the pipeline routes through it.
                this.peer = Cores.ensemblePeer(config, storage, log);
                this.pipeline = new RequestPipeline(tree, preparer, reads, sessions,
                        peer.zxids(), peer, System::currentTimeMillis, settings);
            } else {
                this.peer = null;
                this.pipeline = Cores.standalonePipeline(storage, log, preparer, reads, settings);
            }
        } catch (RuntimeException e) {
            StartupTasks.release(io, IoGroups::close);
            StartupTasks.release(jmxStart, JmxReporter::close);
            storage.close();
            throw e;
        }
        stats.pipeline().watch(pipeline);
        this.connections = new ConnectionRegistry(config.maxClientCnxns());
        try {
            this.jmx = StartupTasks.await(jmxStart);
            this.listener = new ClientPortListener(config, StartupTasks.await(io), pipeline,
                    sessions, serverAuth, watches, new FourLetterWords(new View()), connections, stats,
                    peer == null ? ServingState.ALWAYS : new ServingState() {
                        @Override
                        public boolean serving() {
                            return peer.serving();
                        }

                        @Override
                        public boolean readOnly() {
                            return peer.readOnly();
                        }

                        @Override
                        public void resumed(long sessionId) {
                            peer.sessionResumed(sessionId);
                        }
                    });
        } catch (RuntimeException e) {
            StartupTasks.release(io, IoGroups::close);
            StartupTasks.release(jmxStart, JmxReporter::close);
            storage.close();
            throw e;
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paddock-ticker");
            t.setDaemon(true);
            return t;
        });
    }

    public PaddockServer start() throws InterruptedException {
        boolean ok = false;
        try {
            startServing();
            ok = true;
        } finally {
            if (!ok) {
                // Half-started: release it all, and take no shutdown snapshot of whatever it is.
                close();
            }
        }
        started = true;
        return this;
    }

    private void startServing() throws InterruptedException {
        pipeline.start();
        storage.startBackground(); // [storage]
        boundAddress = listener.bind();
        operatorEndpoints = OperatorEndpoints.start(config.operations(), adminSources());
        long tick = Math.max(1, config.tickTime() / 2);
        if (peer != null) {
            EnsembleClients clients = new EnsembleClients(peer, connections, preparer,
                    this::failStop);
            peer.start(pipeline, clients);
            ticker.scheduleWithFixedDelay(clients::everyHalfTick, tick, tick,
                    TimeUnit.MILLISECONDS);
        }
        ticker.scheduleWithFixedDelay(this::expireSessions, tick, tick, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::reapContainers, config.containerCheckIntervalMs(),
                config.containerCheckIntervalMs(), TimeUnit.MILLISECONDS);
        LOG.info("Paddock {} listening on {}{} (tickTime={} ms, data in {}, log in {})",
                peer == null ? "standalone server" : "server " + peer.config().describe(),
                boundAddress == null ? "no plaintext port" : boundAddress,
                listener.secureAddress() == null ? "" : " and " + listener.secureAddress() + " (TLS)",
                config.tickTime(), config.dataDir(), config.txnLogDir());
    }

    /** The plaintext client port's bound address; null when only the secure port is served. */
    public InetSocketAddress address() {
        return boundAddress;
    }

    /**
     * [ensemble] ZooKeeper's server state: standalone, leader, follower or observer; null while
     * a member of an ensemble serves no client (no leader).
     */
    public String mode() {
        return peer == null ? "standalone" : peer.mode();
    }

    /** [ensemble] This server as a member of an ensemble, or empty when standalone. */
    public java.util.Optional<EnsemblePeer> peer() {
        return java.util.Optional.ofNullable(peer);
    }

    /** [ops] Where the admin HTTP server listens, or null when it is off. */
    public InetSocketAddress adminAddress() {
        OperatorEndpoints e = operatorEndpoints;
        return e == null ? null : e.adminAddress();
    }

    /** [ops] Where Prometheus' /metrics is served, or null when it is off. */
    public InetSocketAddress prometheusAddress() {
        OperatorEndpoints e = operatorEndpoints;
        return e == null ? null : e.prometheusAddress();
    }

    /** [ops] The live parts operators' tools read. */
    private AdminSources adminSources() {
        return new AdminSources(new View(),
                (boundAddress != null ? boundAddress : listener.secureAddress()).getPort(), tree, sessions, watches, connections, storage,
                startMillis, () -> started && !failure.isDone() && !stopping
                        && (peer == null || peer.serving()), auth,
                new PipelineZnodeWriter(pipeline), java.util.Optional.ofNullable(peer).map(EnsemblePeer::status));
    }

    /** The secure (TLS) client port's bound address, or null when there is none. */
    public InetSocketAddress secureAddress() {
        return listener.secureAddress();
    }

    public ServerConfig config() {
        return config;
    }

    /** [storage] The durable state: txn log, snapshots, retention. */
    public ServerStorage storage() {
        return storage;
    }

    /** Whether this server expires sessions and reaps containers: standalone, or the leader. */
    private boolean decides() {
        return peer == null || peer.leads();
    }

    private void expireSessions() {
        if (!decides()) {
            return;
        }
        try {
            for (Session s : sessions.expired()) {
                LOG.info("session 0x{} expired after {} ms", Long.toHexString(s.id()), s.timeoutMs());
                ClientChannel c = s.connection() instanceof ClientChannel cc ? cc : null;
                pipeline.submitInternal(c, s.id(), OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE);
            }
        } catch (RuntimeException e) {
            LOG.error("session expiry failed", e);
        }
    }

    private void reapContainers() {
        if (!decides()) {
            return;
        }
        try {
            for (String path : tree.expiredContainersAndTtls(System.currentTimeMillis())) {
                pipeline.submitInternal(null, 0, OpCode.DELETE_CONTAINER, new DeleteRequest(path, -1));
            }
        } catch (RuntimeException e) {
            LOG.error("container reaping failed", e);
        }
    }

    /**
     * Completes once the server has stopped on its own after a fatal error (never after a
     * plain {@link #close()}).
     */
    public CompletionStage<ServerFailure> failure() {
        return failure.minimalCompletionStage();
    }

    /** Called once by the pipeline, on the failing stage's thread. */
    private void failStop(String where, Throwable cause) {
        ServerFailure f = new ServerFailure(where, cause);
        LOG.error("stopping the server after a fatal error: {}", f.describe());
        Thread t = new Thread(() -> {
            try {
                stop();
            } catch (RuntimeException e) {
                LOG.error("stopping after the fatal error failed", e);
            } finally {
                failure.complete(f);
            }
        }, "paddock-fail-stop");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        stop();
    }

    /** Once: a fatal error and close() may both ask, and the second waits for the first. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping = true;
        if (operatorEndpoints != null) {
            operatorEndpoints.close();
        }
        ticker.shutdownNow();
        // Every client must see its connection end now, not after its read timeout: close them
        // one by one before the event loops go, so a client moves on (or back) at once.
        connections.connections().forEach(c -> c.close("server stopping"));
        listener.close(); // the client port and the event loops
        if (peer != null) {
            peer.close(); // no more commits reach the pipeline
        }
        pipeline.close();
        // [storage] The pipeline has drained: every applied txn is in the flushed log. After a
        // fatal error the log is not to be trusted with more, and the tree may be half applied.
        if (started && !pipeline.failed()) {
            storage.shutdown();
        } else {
            storage.close();
        }
        if (jmx != null) {
            jmx.close();
        }
        LOG.info("Paddock server on {} stopped{}", boundAddress,
                pipeline.failed() ? " after a fatal error" : "");
    }

    /** The read-only view the four-letter words get. */
    private final class View implements ServerView {
        @Override
        public ServerConfig config() {
            return config;
        }

        @Override
        public ServerStats stats() {
            return stats;
        }

        @Override
        public long lastZxid() {
            return tree.lastProcessedZxid();
        }

        @Override
        public int nodeCount() {
            return tree.nodeCount();
        }

        @Override
        public String mode() {
            return peer == null ? "standalone" : peer.mode();
        }

        @Override
        public Map<String, Object> quorumValues() {
            return peer == null ? Map.of() : peer.status().monitorValues();
        }

        @Override
        public long approximateDataSize() {
            return tree.approximateDataSize();
        }

        @Override
        public long outstandingRequests() {
            return pipeline.outstanding();
        }

        @Override
        public List<String> connectionLines() {
            return connections.connections().stream()
                    .map(c -> "/" + c.remoteAddress().getAddress().getHostAddress() + ":"
                            + c.remoteAddress().getPort()
                            + c.stats().describe(c.sessionId(), c.sessionTimeout()))
                    .toList();
        }

        @Override
        public void resetConnectionStats() {
            connections.connections().forEach(ClientConnection::resetStats);
        }

        @Override
        public int connectionCount() {
            return connections.size();
        }

        @Override
        public int sessionCount() {
            return sessions.size();
        }

        @Override
        public int watchCount() {
            return watches.watchCount();
        }

        @Override
        public int watchedPathCount() {
            return watches.watchedPathCount();
        }

        @Override
        public int watcherCount() {
            return watches.watcherCount();
        }

        @Override
        public Map<Long, Set<String>> ephemeralsBySession() {
            return tree.ephemeralsBySession();
        }
    }
}
