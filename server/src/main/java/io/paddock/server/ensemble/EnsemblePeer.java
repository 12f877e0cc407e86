package io.paddock.server.ensemble;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.admin.PeerView;
import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.ensemble.EnsembleMessage.Failed;
import io.paddock.server.ensemble.EnsembleMessage.Forward;
import io.paddock.server.ensemble.EnsembleMessage.Secret;
import io.paddock.server.ensemble.EnsembleMessage.SecretRequest;
import io.paddock.server.ensemble.EnsembleMessage.SyncDone;
import io.paddock.server.ensemble.EnsembleMessage.Touches;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.pipeline.CommitQueue;
import io.paddock.server.pipeline.Replicator;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.zab.LearnerStatus;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.zab.runtime.PeerStorage;
import io.paddock.zab.runtime.RuntimeConfig;
import io.paddock.zab.runtime.ZabRuntime;
import io.paddock.zab.runtime.ZxidCounter;
import io.paddock.zab.transport.NettyTransport;
import io.paddock.zab.transport.PeerAddress;
import io.paddock.zab.transport.TransportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * [ensemble] This server as a member of an ensemble: the ZAB runtime on the peer transport, the
 * data tree as its state machine, and what servers tell each other above ZAB (forwarded
 * requests, sync answers, session touches, the session secret).
 *
 * <p>A server serves clients while it is in BROADCAST (leading, following or observing) and,
 * as a learner, once it holds its leader's session secret. When it stops serving, or its leader
 * changes, {@link ServingListener#stoppedServing} closes its clients' connections (ZooKeeper
 * does the same) and what they had in flight is dropped.
 *
 * <p>Thread-safe: the role listener runs on the ZAB driver thread, relays on transport threads,
 * {@link Replicator} calls on the request ring's replicate thread.
 */
public final class EnsemblePeer implements Replicator, PeerView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnsemblePeer.class);

    /** What the server does when this peer starts or stops serving clients. */
    public interface ServingListener {
        /** This server lost its leader (or leadership); its clients stay connected, waiting. */
        void stoppedServing(String why);

        /**
         * This server is about to lead, every committed txn applied: forget what was prepared
         * in an earlier term.
         */
        void beforeLeading();

        /** A snapshot from the leader is about to replace the tree: close every client. */
        void snapshotInstalling();
    }

    private final EnsembleConfig ensemble;
    private final ServerStorage storage;
    private final ZabRuntime runtime;
    private final SecretExchange secrets;
    private volatile RequestPipeline pipeline;
    private volatile ServingListener servingListener;
    private volatile RoleChange role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
    private final TreeStateMachine state;
    private final Object forwardLock = new Object();
    private final ForwardedStreams streams = new ForwardedStreams(); // guarded by forwardLock
    /** Forwards that reached this leader before it knew it serves; guarded by forwardLock. */
    private final List<Runnable> early = new ArrayList<>();
    private final long periodBase = new SplittableRandom().nextLong() & Long.MAX_VALUE;
    private volatile boolean leads;
    private volatile boolean serving;
    private volatile long notServingSinceNanos = System.nanoTime();
    private volatile long leadingSinceNanos;
    /** A learner's serving period and its forwards' numbers; under the commit queue's lock. */
    private long period;
    private long periodCount;
    private long seq;

    /**
     * Builds the runtime from the recovered storage; nothing runs until {@link #start}.
     */
    public EnsemblePeer(ServerConfig config, ServerStorage storage) {
        this.ensemble = config.ensemble().orElseThrow();
        this.storage = storage;
        this.secrets = new SecretExchange(config.dataDir(), storage.sessions());
        Path zabDir = config.dataDir().resolve("zab");
        try {
            Files.createDirectories(zabDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + zabDir, e);
        }
        NettyTransport transport = new NettyTransport(transportConfig(ensemble), zabDir.resolve("incoming"));
        RuntimeConfig runtimeConfig = new RuntimeConfig(ensemble.toPeerConfig(),
                EnsembleConfig.coreTickPeriod(config.tickTime()));
        this.state = new TreeStateMachine(storage, () -> pipeline,
                () -> servingListener.snapshotInstalling());
        // The server's storage owns the log: the runtime's close must not close it under the
        // shutdown snapshot.
        PeerStorage peerStorage = new PeerStorage(new ForwardingTxnLog(storage.txnLog()) {
            @Override
            public void close() {
            }
        }, storage.epochs(), zabDir);
        this.runtime = new ZabRuntime(runtimeConfig, peerStorage, state, transport);
    }

    /** The zxids the leader's prepare stage takes. */
    public ZxidCounter zxids() {
        return runtime.zxids();
    }

    /**
     * Connects the pipeline (built with this peer as its {@link Replicator}) and starts: binds
     * the election and quorum ports and enters leader election.
     */
    public void start(RequestPipeline requestPipeline, ServingListener listener) {
        this.pipeline = requestPipeline;
        this.servingListener = listener;
        runtime.onRelay(this::relayed);
        runtime.addRoleListener(this::roleChanged);
        runtime.start();
    }

    @Override
    public boolean leads() {
        return leads;
    }

    /** Whether this server serves clients now. */
    public boolean serving() {
        return serving && (leads || secrets.adopted());
    }

    /** The role as operators see it: leader, follower, observer, or null while not serving. */
    public String mode() {
        if (!serving()) {
            return null;
        }
        return switch (role.role()) {
            case LEADING -> "leader";
            case FOLLOWING -> "follower";
            case OBSERVING -> "observer";
            default -> null;
        };
    }

    @Override
    public String role() {
        String mode = mode();
        return mode == null ? "looking" : mode;
    }

    @Override
    public long epoch() {
        return role.epoch();
    }

    @Override
    public long lastLoggedZxid() {
        return runtime.lastLogged();
    }

    @Override
    public long lastAppliedZxid() {
        return runtime.lastApplied();
    }

    @Override
    public List<String> learners() {
        return runtime.learners().stream().map(l -> "server." + l.id() + " "
                + (l.observer() ? "observer" : "follower") + (l.synced() ? " synced" : " syncing")
                + ", last heard at tick " + l.lastHeardTick()).toList();
    }

    /** ZooKeeper's detailed peer state, e.g. {@code following - broadcast}. */
    @Override
    public String peerState() {
        RoleChange r = role;
        return r.role().name().toLowerCase() + " - " + r.phase().name().toLowerCase();
    }

    /** ZooKeeper's mntr keys of a quorum member (the leader's learner counts among them). */
    public Map<String, Object> monitorValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer_state", peerState());
        m.put("quorum_size", ensemble.participantIds().size());
        if (leads) {
            List<LearnerStatus> learners = runtime.learners();
            long synced = learners.stream().filter(l -> l.synced() && !l.observer()).count();
            long observers = learners.stream().filter(l -> l.synced() && l.observer()).count();
            m.put("learners", learners.size());
            m.put("followers", learners.size()); // the pre-3.6 name some dashboards still read
            m.put("synced_followers", synced);
            m.put("synced_non_voting_followers", 0);
            m.put("synced_observers", observers);
            m.put("pending_syncs", pipeline.commitQueue().pendingSyncs());
            m.put("leader_uptime", (System.nanoTime() - leadingSinceNanos) / 1_000_000);
        }
        return m;
    }

    public RoleChange roleChange() {
        return role;
    }

    public ZabRuntime runtime() {
        return runtime;
    }

    public EnsembleConfig config() {
        return ensemble;
    }

    @Override
    public void propose(Proposal proposal) {
        runtime.propose(proposal);
    }

    /** Called under the commit queue's lock, so forwards are numbered in the order they go. */
    @Override
    public long forward(long sessionId, int xid, int opCode, Record request, List<Id> authInfo) {
        long leader = role.leader();
        if (!serving || leads || leader == 0) {
            return -1; // held; forwarded when this server serves again (CommitQueue.resume)
        }
        seq++;
        runtime.relay(leader, EnsembleCodec.encode(new Forward(period, seq, sessionId, xid,
                opCode, authInfo, request)));
        return period;
    }

    /** How long this server has not served clients, in milliseconds; 0 while it serves. */
    public long notServingMillis() {
        return serving ? 0 : (System.nanoTime() - notServingSinceNanos) / 1_000_000;
    }

    @Override
    public void syncDone(long learner, long sessionId, int xid) {
        runtime.relay(learner, EnsembleCodec.encode(new SyncDone(sessionId, xid,
                runtime.zxids().last())));
    }

    @Override
    public void failed(long learner, long sessionId, int xid, ErrorCode error) {
        runtime.relay(learner, EnsembleCodec.encode(new Failed(sessionId, xid, error.code())));
    }

    /** A learner reports its clients' sessions to the leader; call every half tick. */
    public void reportTouches() {
        if (leads || !serving) {
            return;
        }
        long[] touched = storage.sessions().drainTouched();
        if (touched.length > 0) {
            runtime.relay(role.leader(), EnsembleCodec.encode(new Touches(touched)));
        }
    }

    private void relayed(long from, byte[] payload) {
        EnsembleMessage m;
        try {
            m = EnsembleCodec.decode(payload);
        } catch (DecodeException e) {
            LOG.error("dropping a malformed message from server {}: {}", from, e.getMessage());
            return;
        }
        CommitQueue queue = pipeline.commitQueue();
        if (m instanceof Forward f) {
            takeForward(from, f);
        } else if (m instanceof SyncDone s) {
            queue.syncDone(s.sessionId(), s.xid(), s.zxid());
        } else if (m instanceof Failed f) {
            queue.failed(f.sessionId(), f.xid(), ErrorCode.of(f.error()));
        } else if (m instanceof Touches t) {
            if (leads) {
                for (long id : t.sessionIds()) {
                    storage.sessions().touch(id);
                }
            }
        } else if (m instanceof SecretRequest) {
            answerSecretRequest(from);
        } else if (m instanceof Secret s) {
            if (from == role.leader()) {
                secrets.adopt(s.secret());
                LOG.info("server {}: serving clients as {} of server {}", ensemble.myId(),
                        mode(), from);
            }
        }
    }

    /**
     * A learner's forward, taken in order: before this leader knows it serves (the learner may
     * hear it first) it waits here; a gap or a repeat is refused ({@link ForwardedStreams}).
     */
    private void takeForward(long from, Forward f) {
        synchronized (forwardLock) {
            if (!leads) {
                if (runtime.role().role() == Role.LEADING) {
                    early.add(() -> takeForward(from, f));
                }
                return;
            }
            if (streams.accept(from, f.period(), f.seq(), f.sessionId(), f.xid())) {
                pipeline.submitForwarded(from, f.sessionId(), f.xid(), f.opCode(), f.request(),
                        f.authInfo());
            }
        }
    }

    /**
     * A learner asks for the secret as soon as it is in BROADCAST, which may be before this
     * leader's own role change has run: the request then waits with the early forwards, or the
     * learner would never serve clients.
     */
    private void answerSecretRequest(long from) {
        synchronized (forwardLock) {
            if (!leads) {
                if (runtime.role().role() == Role.LEADING) {
                    early.add(() -> answerSecretRequest(from));
                }
                return;
            }
        }
        runtime.relay(from, EnsembleCodec.encode(new Secret(secrets.current())));
    }

    /** On the ZAB driver thread. */
    private void roleChanged(RoleChange change) {
        RoleChange before = role;
        role = change;
        boolean nowServing = change.phase() == Phase.BROADCAST && change.role() != Role.LOOKING;
        boolean sameService = serving && nowServing && before.leader() == change.leader()
                && before.epoch() == change.epoch() && before.role() == change.role();
        if (sameService) {
            return;
        }
        if (serving) {
            stopServing(before);
        }
        if (!nowServing) {
            synchronized (forwardLock) {
                if (change.role() != Role.LEADING) {
                    early.clear();
                }
            }
            return;
        }
        if (change.role() == Role.LEADING) {
            startLeading(change);
        } else {
            startLearning(change);
        }
    }

    private void stopServing(RoleChange before) {
        notServingSinceNanos = System.nanoTime();
        synchronized (forwardLock) {
            serving = false;
            leads = false;
        }
        secrets.forget();
        servingListener.stoppedServing("server " + ensemble.myId() + " is now " + peerState()
                + "; it was " + before.role().name().toLowerCase() + " with leader "
                + before.leader());
    }

    private void startLeading(RoleChange change) {
        state.awaitCaughtUp();
        servingListener.beforeLeading();
        pipeline.commitQueue().abandonWaiting("server " + ensemble.myId()
                + " now leads; requests sent to the old leader are lost");
        storage.sessions().touchAll(); // a new leader gives every session a full timeout
        leadingSinceNanos = System.nanoTime();
        synchronized (forwardLock) {
            streams.reset();
            leads = true;
            serving = true;
            List<Runnable> waiting = List.copyOf(early);
            early.clear();
            waiting.forEach(Runnable::run);
        }
        LOG.info("server {}: serving clients as leader of epoch {}", ensemble.myId(),
                change.epoch());
    }

    private void startLearning(RoleChange change) {
        CommitQueue queue = pipeline.commitQueue();
        synchronized (queue) {
            period = periodBase + ++periodCount;
            seq = 0;
            serving = true;
            queue.resume(period, this::forward);
        }
        runtime.relay(change.leader(), EnsembleCodec.encode(new SecretRequest()));
    }

    @Override
    public void close() {
        runtime.close();
    }

    static TransportConfig transportConfig(EnsembleConfig ensemble) {
        Map<Long, PeerAddress> peers = new TreeMap<>();
        for (EnsembleMember m : ensemble.members()) {
            peers.put(m.id(), new PeerAddress(m.id(), resolved(m.electionAddress()),
                    resolved(m.quorumAddress())));
        }
        return TransportConfig.of(ensemble.myId(), peers)
                .withConnectTimeout(Duration.ofMillis(ensemble.cnxTimeoutMs()));
    }

    /**
     * zoo.cfg's server lines are parsed without asking DNS (unresolved addresses); sockets can
     * neither bind nor connect to those, so the names are resolved here, once, at start-up.
     */
    static InetSocketAddress resolved(InetSocketAddress a) {
        return a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
    }
}
