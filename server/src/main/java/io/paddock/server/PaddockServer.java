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
import io.paddock.server.config.ServerConfig;
import io.paddock.server.metrics.ServerStats;
import io.paddock.server.migrate.ZooKeeperStartup;
import io.paddock.server.net.ClientConnection;
import io.paddock.server.net.ClientPortListener;
import io.paddock.server.net.ConnectionRegistry;
import io.paddock.server.net.IoGroups;
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
    private static final long SELF_ID = 1;

    private final ServerConfig config;
    private final AuthRegistry auth; // [console] digest credentials of console writes
    private final WatchManager watches = new WatchManager();
    private final ServerStorage storage; // [storage]
    private final DataTree tree;
    private final SessionTracker sessions;
    private final RequestPipeline pipeline;
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
        RequestPreparer preparer = new RequestPreparer(tree,
                new PrepareSettings(config.extendedTypesEnabled()), auth);
        ReadRequestProcessor reads = new ReadRequestProcessor(tree, auth,
                config.limits().maxWatchesPerSession());
        TxnLog log = hooks.txnLog().apply(storage.txnLog()); // [storage]
        PeerDriver driver;
        ZxidCounter zxids;
        try {
            PeerConfig peer = PeerConfig.defaults(SELF_ID, new MajorityQuorum(Set.of(SELF_ID)),
                    Set.of());
            zxids = new ZxidCounter(tree.lastProcessedZxid(), peer.maxCounter());
            driver = standalonePeer(peer, storage, log, zxids);
        } catch (RuntimeException e) {
            StartupTasks.release(io, IoGroups::close);
            StartupTasks.release(jmxStart, JmxReporter::close);
            storage.close();
            throw e;
        }
        this.pipeline = new RequestPipeline(tree, preparer, reads, sessions, log, driver, zxids,
                System::currentTimeMillis, new PipelineSettings(config.pipelineRingSize(),
                        hooks.beforeApply(), this::failStop,
                        config.limits().globalOutstandingLimit()));
        stats.pipeline().watch(pipeline);
        this.connections = new ConnectionRegistry(config.maxClientCnxns());
        try {
            this.jmx = StartupTasks.await(jmxStart);
            this.listener = new ClientPortListener(config, StartupTasks.await(io), pipeline,
                    sessions, serverAuth, watches, new FourLetterWords(new View()), connections, stats);
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

    /**
     * The standalone server is the leader of an ensemble of one: the same ZAB core decides what
     * is committed, and establishes a new epoch at every start (so zxids continue in epoch + 1).
     */
    private static PeerDriver standalonePeer(PeerConfig peer, ServerStorage storage, TxnLog log,
            ZxidCounter zxids) {
        EpochStore epochs = storage.epochs();
        long applied = storage.tree().lastProcessedZxid();
        raiseEpochsToTheData(epochs, Math.max(applied, log.lastFlushedZxid()));
        ZabPeer core = new ZabPeer(peer,
                new EpochState(epochs.acceptedEpoch(), epochs.currentEpoch()),
                new StorageLogView(log), applied, new SplittableRandom(peer.myId()));
        PeerDriver driver = new PeerDriver(core, log, storage.committedWindow(),
                e -> epochs.write(e.acceptedEpoch(), e.currentEpoch()),
                m -> {
                    throw new IllegalStateException("a standalone server has no peer for " + m);
                }, zxids, applied);
        driver.establishAlone();
        LOG.info("ZAB: {}", driver.describe());
        return driver;
    }

    /**
     * ZAB keeps acceptedEpoch at least the epoch of every logged zxid; data that came from
     * elsewhere (a ZooKeeper data directory imported, a Paddock directory from before the epoch
     * files) may not have epoch files that say so. Without this the next epoch could be lower
     * than the data's and zxids would go backwards. ZooKeeper's loadDataBase does the same for
     * a missing currentEpoch.
     */
    private static void raiseEpochsToTheData(EpochStore epochs, long lastZxid) {
        long dataEpoch = Zxids.epoch(lastZxid);
        if (epochs.acceptedEpoch() < dataEpoch || epochs.currentEpoch() < dataEpoch) {
            LOG.info("epoch files say accepted {} / current {} but the data reaches zxid 0x{}:"
                    + " raising both to {}", epochs.acceptedEpoch(), epochs.currentEpoch(),
                    Long.toHexString(lastZxid), dataEpoch);
            epochs.write(Math.max(epochs.acceptedEpoch(), dataEpoch),
                    Math.max(epochs.currentEpoch(), dataEpoch));
        }
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
        ticker.scheduleWithFixedDelay(this::expireSessions, tick, tick, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::reapContainers, config.containerCheckIntervalMs(),
                config.containerCheckIntervalMs(), TimeUnit.MILLISECONDS);
        LOG.info("Paddock standalone server listening on {}{} (tickTime={} ms, data in {}, log in {})",
                boundAddress == null ? "no plaintext port" : boundAddress,
                listener.secureAddress() == null ? "" : " and " + listener.secureAddress() + " (TLS)",
                config.tickTime(), config.dataDir(), config.txnLogDir());
    }

    /** The plaintext client port's bound address; null when only the secure port is served. */
    public InetSocketAddress address() {
        return boundAddress;
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
                startMillis, () -> started && !failure.isDone() && !stopping, auth,
                new PipelineZnodeWriter(pipeline));
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

    private void expireSessions() {
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
