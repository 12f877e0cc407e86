package io.paddock.server.ensemble;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.ensemble.EnsembleMessage.Failed;
import io.paddock.server.ensemble.EnsembleMessage.Forward;
import io.paddock.server.ensemble.EnsembleMessage.Secret;
import io.paddock.server.ensemble.EnsembleMessage.SecretRequest;
import io.paddock.server.ensemble.EnsembleMessage.SyncDone;
import io.paddock.server.ensemble.EnsembleMessage.Touches;
import io.paddock.server.auth.QuorumSaslAuthenticator;
import io.paddock.server.net.tls.QuorumTls;
import io.paddock.server.persistence.ServerStorage;
import io.paddock.server.pipeline.CommitQueue;
import io.paddock.server.pipeline.Replicator;
import io.paddock.server.pipeline.RequestPipeline;
import io.paddock.zab.LearnerStatus;
import io.paddock.zab.Phase;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.RoleChange;
import io.paddock.zab.Zxids;
import io.paddock.storage.log.ForwardingTxnLog;
import io.paddock.storage.log.TxnLog;
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
 * changes, its clients stay connected and what they sent waits in the {@link CommitQueue}: a
 * learner forwards it again to its next leader ({@link CommitQueue#resume}), a new leader
 * prepares it itself ({@link CommitQueue#takeOver}).
 *
 * <p>Thread-safe: the role listener runs on the ZAB driver thread, relays on transport threads,
 * {@link Replicator} calls on the request ring's one thread (prepare and route).
 */
public final class EnsemblePeer implements Replicator, AutoCloseable {
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

    private static final long READ_ONLY_DELAY_MS = 2000;

    private final EnsembleConfig ensemble;
    private final int tickTime;
    private final ServerStorage storage;
    private final ZabRuntime runtime;
    /** Quorum TLS, or null; closed with the peer (it may run a reload thread). */
    private final QuorumTls quorumTls;
    private final SecretExchange secrets;
    private volatile RequestPipeline pipeline;
    private volatile ServingListener servingListener;
    private volatile RoleChange role = new RoleChange(Role.LOOKING, Phase.ELECTION, 0, 0);
    private final TreeStateMachine state;
    private final PeerStatus status = new PeerStatus(this);
    private final Object forwardLock = new Object();
    private final ForwardedStreams streams = new ForwardedStreams(); // guarded by forwardLock
    /** On the leader: the server each session's client is on, as far as it has been told. */
    private final Map<Long, Long> owners = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Forwards and secret requests that reached this leader before it knew it serves; guarded
     * by forwardLock.
     */
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
     *
     * @param log the server's txn log as the runtime writes it (the storage's, or a test's
     *     wrapper of it)
     */
    public EnsemblePeer(ServerConfig config, ServerStorage storage, TxnLog log) {
        this.ensemble = config.ensemble().orElseThrow();
        this.tickTime = config.tickTime();
        this.storage = storage;
        this.secrets = new SecretExchange(config.dataDir(), storage.sessions());
        Path zabDir = config.dataDir().resolve("zab");
        try {
            Files.createDirectories(zabDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + zabDir, e);
        }
        QuorumSaslAuthenticator sasl = QuorumSaslAuthenticator.from(config.security());
        this.quorumTls = QuorumTls.from(config.security()); // last: it may start a thread
        NettyTransport transport = new NettyTransport(transportConfig(ensemble)
                .withTls(quorumTls).withAuthenticator(sasl), zabDir.resolve("incoming"));
        RuntimeConfig runtimeConfig = new RuntimeConfig(ensemble.toPeerConfig(),
                EnsembleConfig.coreTickPeriod(config.tickTime()));
        this.state = new TreeStateMachine(storage, () -> pipeline,
                () -> servingListener.snapshotInstalling(), this::sessionClosed);
        // The server's storage owns the log: the runtime's close must not close it under the
        // shutdown snapshot.
        PeerStorage peerStorage = new PeerStorage(new ForwardingTxnLog(log) {
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

    /**
     * Whether this server is in read-only mode: enabled, and without a leader for
     * max(2 s, tickTime) (ZooKeeper's delay before it starts its read-only server).
     */
    public boolean readOnly() {
        return ensemble.readOnlyMode() && !serving()
                && notServingMillis() >= Math.max(READ_ONLY_DELAY_MS, tickTime);
    }

    /**
     * The role as operators see it: leader, follower, observer, read-only, or null while not
     * serving.
     */
    public String mode() {
        if (!serving()) {
            return readOnly() ? "read-only" : null;
        }
        return switch (role.role()) {
            case LEADING -> "leader";
            case FOLLOWING -> "follower";
            case OBSERVING -> "observer";
            default -> null;
        };
    }

    /** What operators see of this peer (mntr, JMX, the console). */
    public PeerStatus status() {
        return status;
    }

    /** Milliseconds since this server started leading (meaningful while it leads). */
    long leadingMillis() {
        return (System.nanoTime() - leadingSinceNanos) / 1_000_000;
    }

    RequestPipeline pipeline() {
        return pipeline;
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
    public long forward(long sessionId, int xid, int opCode, Record request, List<Id> authInfo,
            boolean resend) {
        long leader = role.leader();
        if (!serving || leads || leader == 0) {
            return -1; // held; forwarded when this server serves again (CommitQueue.resume)
        }
        seq++;
        runtime.relay(leader, EnsembleCodec.encode(new Forward(period, seq, sessionId, xid,
                opCode, resend, authInfo, request)));
        return period;
    }

    /** How long this server has not served clients, in milliseconds; 0 while it serves. */
    public long notServingMillis() {
        return serving() ? 0 : (System.nanoTime() - notServingSinceNanos) / 1_000_000;
    }

    @Override
    public boolean sessionMoved(long sessionId, long via, int opCode) {
        long server = via == 0 ? ensemble.myId() : via;
        if (opCode == io.paddock.protocol.op.OpCode.CREATE_SESSION) {
            owners.put(sessionId, server);
            return false;
        }
        Long owner = owners.putIfAbsent(sessionId, server);
        return owner != null && owner != server;
    }

    /**
     * On the ZAB driver thread, as a session's closeSession commits: the leader forgets where
     * it lived and what it forwarded (kept, both grew by one entry per session for a whole term).
     */
    private void sessionClosed(long sessionId) {
        owners.remove(sessionId);
        streams.sessionClosed(sessionId); // thread-safe without the forward lock
    }

    /** Sessions whose server this leader remembers (for tests). */
    int sessionsOwned() {
        return owners.size();
    }

    /** A client resumed its session here: tell the leader (or note it, when leading). */
    public void sessionResumed(long sessionId) {
        if (leads) {
            owners.put(sessionId, ensemble.myId());
        } else if (serving) {
            runtime.relay(role.leader(), EnsembleCodec.encode(
                    new EnsembleMessage.SessionHere(sessionId)));
        }
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
        if (!secrets.adopted()) {
            // The leader ignores a request that overtakes its own move to BROADCAST (its
            // UPTODATE reaches us before its role listener runs), so ask until it answers.
            runtime.relay(role.leader(), EnsembleCodec.encode(new SecretRequest()));
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
        } else if (m instanceof EnsembleMessage.SessionHere h) {
            if (leads) {
                owners.put(h.sessionId(), from);
            }
        } else if (m instanceof SecretRequest) {
            answerSecretRequest(from);
        } else if (m instanceof Secret s) {
            if (from == role.leader() && !secrets.adopted()) {
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
            if (streams.accept(from, f.period(), f.seq(), f.sessionId(), f.xid(), f.resend())) {
                pipeline.submitForwarded(from, f.sessionId(), f.xid(), f.opCode(), f.request(),
                        f.authInfo());
            }
        }
    }

    /**
     * A learner asks as soon as it is in BROADCAST, which may be before this leader's own role
     * change has run (it first waits for its tree): then the answer waits with the early
     * forwards, or the learner would never serve.
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
        servingListener.stoppedServing("server " + ensemble.myId() + " is now " + status.peerState()
                + "; it was " + before.role().name().toLowerCase() + " with leader "
                + before.leader());
    }

    private void startLeading(RoleChange change) {
        state.awaitCaughtUp();
        servingListener.beforeLeading();
        storage.sessions().touchAll(); // a new leader gives every session a full timeout
        leadingSinceNanos = System.nanoTime();
        owners.clear(); // learned again as clients write and resume
        CommitQueue queue = pipeline.commitQueue();
        synchronized (forwardLock) {
            streams.reset();
            // The replicate stage routes each request under the queue's lock: it holds the
            // unprepared ones (as a learner does) until the takeover prepares them.
            synchronized (queue) {
                queue.forgetProposals();
                leads = true;
                serving = true;
            }
            List<Runnable> waiting = List.copyOf(early);
            early.clear();
            waiting.forEach(Runnable::run);
        }
        pipeline.leadershipTaken(); // what this server's clients sent meanwhile is prepared
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
        if (quorumTls != null) {
            quorumTls.close();
        }
    }

    static TransportConfig transportConfig(EnsembleConfig ensemble) {
        Map<Long, PeerAddress> peers = new TreeMap<>();
        for (EnsembleMember m : ensemble.members()) {
            if (m.id() == ensemble.myId() && ensemble.quorumListenOnAllIPs()) {
                // Only this server binds its own address: quorumListenOnAllIPs binds every one.
                peers.put(m.id(), new PeerAddress(m.id(),
                        new InetSocketAddress(m.electionAddress().getPort()),
                        new InetSocketAddress(m.quorumAddress().getPort())));
            } else {
                peers.put(m.id(), new PeerAddress(m.id(), resolved(m.electionAddress()),
                        resolved(m.quorumAddress())));
            }
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
