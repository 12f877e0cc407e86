package io.paddock.server.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.request.CreateSessionRequest;
import io.paddock.server.request.ReadRequestProcessor;
import io.paddock.server.request.RequestPreparer;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.Zxids;
import io.paddock.zab.runtime.PeerDriver;
import io.paddock.zab.runtime.ZxidCounter;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Disruptor rings every request crosses, joined by the commit decision.
 *
 * <pre>
 *  Netty I/O threads ──tryPublish──▶ request ring (multi-producer)
 *     │ ring full: stop reading,       PrepareHandler ──▶ PersistHandler ── propose ─▶ ZAB core
 *     │ hold the request back          (zxid in the core's    │ log.flush() at endOfBatch,  (PeerDriver)
 *     │                                 epoch)                │ "persisted" ─────────────▶  │
 *     │                                                      │ ◀──────────── commits ──────┘
 *     ▼                                                      ▼
 *  PausedConnections ◀── "drained" at ── commit ring (the persist thread, and reads of
 *     (resumed on their    endOfBatch                 sessions with no write in flight)
 *      own I/O threads)                   ApplyHandler ──▶ ReplyHandler ──▶ channel.flush() at endOfBatch
 *
 *  [ensemble] the request ring has one stage, PrepareAndReplicate: prepare, then hold in the
 *  CommitQueue and propose (leader) or forward (learner); commits come back through the queue.
 * </pre>
 *
 * <p>An exception from the txn log (persist) or from applying a logged txn (apply) is fatal:
 * the pipeline stops acknowledging anything and tells its {@link FatalErrorHandler}.
 *
 * <p>Thread-safe: a connection's requests are submitted from its own I/O thread, which never
 * blocks on a full ring ({@link RingAdmission}); internal requests may come from any thread
 * and wait for room.
 */
public final class RequestPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    /** After a fatal error every stage only drops what it has, so a drain is quick. */
    private static final long FAILED_DRAIN_SECONDS = 5;

    private final Disruptor<RequestEvent> requestRing;
    private final Disruptor<RequestEvent> commitRing;
    private final ZxidCounter zxids;
    private final DataTree tree;
    private final FailStop failStop;
    private final RingAdmission admission;
    private final CommitQueue commitQueue;
    private final List<StageBatches> stageBatches;
    private final AtomicInteger operatorXids = new AtomicInteger();

    public RequestPipeline(DataTree tree, RequestPreparer preparer, ReadRequestProcessor reads,
            SessionTracker sessions, TxnLog log, PeerDriver driver, ZxidCounter zxids,
            LongSupplier clock, PipelineSettings settings) {
        this(tree, preparer, reads, sessions, zxids, clock, settings, null,
                (commit, failStop, release) -> new PersistHandler(log, driver, true, commit,
                        failStop, release));
    }

    /**
     * [ensemble] The pipeline of a member of an ensemble: the request ring prepares only while
     * this server leads, and its last stage routes through {@code replicator}; committed txns
     * come back through {@link #commitQueue()}.
     */
    public RequestPipeline(DataTree tree, RequestPreparer preparer, ReadRequestProcessor reads,
            SessionTracker sessions, ZxidCounter zxids, Replicator replicator, LongSupplier clock,
            PipelineSettings settings) {
        this(tree, preparer, reads, sessions, zxids, clock, settings, replicator,
                (commit, failStop, release) -> null);
    }

    /** Builds the standalone request ring's last stage. */
    @FunctionalInterface
    private interface LastStage {
        PersistHandler build(RingBuffer<RequestEvent> commitRing, FailStop failStop,
                BatchRelease release);
    }

    private RequestPipeline(DataTree tree, RequestPreparer preparer, ReadRequestProcessor reads,
            SessionTracker sessions, ZxidCounter zxids, LongSupplier clock,
            PipelineSettings settings, Replicator replicator, LastStage standalone) {
        this.tree = tree;
        this.zxids = zxids;
        this.failStop = new FailStop(settings.onFatal());
        int size = settings.ringSize();
        this.commitRing = new Disruptor<>(RequestEvent::new, size, threads("paddock-commit"),
                ProducerType.MULTI, new StageBlockingWaitStrategy());
        this.requestRing = new Disruptor<>(RequestEvent::new, size, threads("paddock-request"),
                ProducerType.MULTI, new StageBlockingWaitStrategy());
        this.admission = new RingAdmission(requestRing.getRingBuffer(),
                commitRing.getRingBuffer(), size, settings.outstandingLimit());
        PausedConnections paused = admission.paused();

        ApplyHandler apply = new ApplyHandler(tree, preparer, reads, sessions,
                settings.beforeApply(), failStop);
        ReplyHandler reply = new ReplyHandler(sessions, failStop,
                new BatchRelease(commitRing.getRingBuffer(), paused));
        commitRing.handleEventsWith(apply).then(reply);
        List<StageBatches> stages = new java.util.ArrayList<>();
        commitRing.handleExceptionsFor(apply).with(new StageExceptionHandler("apply", failStop, true));
        commitRing.handleExceptionsFor(reply).with(new StageExceptionHandler("reply", failStop, false));

        BatchRelease release = new BatchRelease(requestRing.getRingBuffer(), paused);
        if (replicator == null) {
            this.commitQueue = null;
            PrepareHandler prepare = new PrepareHandler(preparer, zxids, clock);
            PersistHandler persist = standalone.build(commitRing.getRingBuffer(), failStop,
                    release);
            requestRing.handleEventsWith(prepare).then(persist);
            requestRing.handleExceptionsFor(prepare)
                    .with(new StageExceptionHandler("prepare", failStop, false));
            requestRing.handleExceptionsFor(persist)
                    .with(new StageExceptionHandler("persist", failStop, true));
            stages.add(prepare.batches());
            stages.add(persist.batches());
        } else {
            this.commitQueue = new CommitQueue(commitRing.getRingBuffer(), sessions);
            ReplicateHandler replicate = new ReplicateHandler(replicator, commitQueue, failStop,
                    release);
            PrepareHandler prepare = new PrepareHandler(preparer, zxids, clock, replicator,
                    new LeaderTakeover(replicator, commitQueue));
            PrepareAndReplicate stage = new PrepareAndReplicate(prepare, replicate);
            requestRing.handleEventsWith(stage);
            requestRing.handleExceptionsFor(stage)
                    .with(new StageExceptionHandler("replicate", failStop, true));
            stages.add(prepare.batches());
            stages.add(replicate.batches());
        }
        stages.add(apply.batches());
        stages.add(reply.batches());
        this.stageBatches = List.copyOf(stages);
    }

    public void start() {
        commitRing.start();
        requestRing.start();
    }

    /**
     * A client's request, in the order its connection read it. Call from the connection's one
     * I/O thread: the read fast path and the backlog rely on that order.
     */
    public void submit(ClientChannel channel, long sessionId, int xid, int opCode, Record request,
            List<Id> authInfo) {
        admission.submit(channel, sessionId, xid, opCode, request, authInfo, false);
    }

    /**
     * A new session for a connection that sent a ConnectRequest without a session id; from
     * the connection's I/O thread.
     */
    public void submitCreateSession(ClientChannel channel, long sessionId, int timeoutMs,
            boolean readOnlyClient) {
        admission.submit(channel, sessionId, 0, OpCode.CREATE_SESSION,
                new CreateSessionRequest(timeoutMs), List.of(), readOnlyClient);
    }

    /** The connection closed; from its I/O thread. What it had held back is dropped. */
    public void disconnected(ClientChannel channel) {
        admission.forget(channel);
    }

    /**
     * A request the server makes of itself: an expiry's closeSession, a container's delete.
     * Waits for room when the request ring is full (never call it from an I/O thread).
     */
    public void submitInternal(ClientChannel channel, long sessionId, int opCode, Record request) {
        submitInternal(channel, sessionId, opCode, request, List.of(Id.ANYONE));
    }

    /**
     * [console] A request made on an operator's behalf, checked against the ACLs as if a
     * session holding {@code authInfo} had sent it. Waits for room like the other internal
     * requests.
     */
    public void submitInternal(ClientChannel channel, long sessionId, int opCode, Record request,
            List<Id> authInfo) {
        List<Id> ids = List.copyOf(authInfo);
        // [ensemble] Each its own xid: a learner forwards these and matches the commit by it.
        int xid = operatorXids.incrementAndGet() & Integer.MAX_VALUE;
        requestRing.getRingBuffer().publishEvent((e, seq) -> {
            e.set(channel, sessionId, xid, opCode, request, ids);
            e.internal = true;
        });
    }

    /**
     * The zxid of the last txn applied here: what a client may have seen from this server, so
     * what its next connect (the lastZxidSeen check) and pings compare with.
     */
    public long lastZxid() {
        return tree.lastProcessedZxid();
    }

    /** Each stage's batch sizes, in pipeline order: prepare, persist, apply, reply. */
    public List<StageBatches> stageBatches() {
        return stageBatches;
    }

    /** [ensemble] Where committed txns enter the commit ring; null for a standalone server. */
    public CommitQueue commitQueue() {
        return commitQueue;
    }

    /**
     * [ensemble] A learner's client's request, received by the leader; from a transport thread.
     * Waits for room when the request ring is full.
     */
    public void submitForwarded(long learner, long sessionId, int xid, int opCode,
            Record request, List<Id> authInfo) {
        requestRing.getRingBuffer().publishEvent((e, seq) -> {
            e.set(null, sessionId, xid, opCode, request, authInfo);
            e.forwardedFrom = learner;
        });
    }

    /**
     * [ensemble] This server now leads: marks where in the request ring its own clients'
     * requests start being prepared here ({@link LeaderTakeover}). Waits for room when the ring
     * is full.
     */
    public void leadershipTaken() {
        requestRing.getRingBuffer().publishEvent((e, seq) -> {
            e.set(null, 0, 0, RequestEvent.TAKEOVER, null, List.of());
            e.internal = true;
        });
    }

    /**
     * Requests accepted but not yet answered, for the four-letter words: in the rings and, in an
     * ensemble, waiting for the leader.
     */
    public long outstanding() {
        return requestRingDepth() + commitRingDepth()
                + (commitQueue == null ? 0 : commitQueue.waiting());
    }

    /** Slots of the request ring taken: requests not yet prepared and persisted. */
    public long requestRingDepth() {
        return depth(requestRing.getRingBuffer());
    }

    /** Slots of the commit ring taken: requests not yet applied and answered. */
    public long commitRingDepth() {
        return depth(commitRing.getRingBuffer());
    }

    /** Txns prepared but not yet applied: the last prepared zxid less the last applied one. */
    public long commitLag() {
        long applied = tree.lastProcessedZxid(); // read first: prepared only grows past it
        long prepared = zxids.last();
        // Across an epoch change the difference of the zxids means nothing: count the new
        // epoch's txns (the old epoch's unapplied tail is at most a ring's worth).
        if (Zxids.epoch(prepared) != Zxids.epoch(applied)) {
            return Zxids.counter(prepared);
        }
        return Math.max(0, prepared - applied);
    }

    /** Connections not read now because a ring was full. */
    public int pausedConnections() {
        return admission.paused().count();
    }

    /** Times a connection stopped being read because a ring was full, since start. */
    public long readPauses() {
        return admission.paused().pauses();
    }

    /** Whether a fatal error has stopped the pipeline. */
    public boolean failed() {
        return failStop.stopped();
    }

    /**
     * Drains both rings in order, then stops their threads. After a fatal error the stages
     * drop what they hold; a stage stuck in the failed log is given up on after a while.
     */
    @Override
    public void close() {
        stop(requestRing, "request");
        stop(commitRing, "commit");
    }

    private void stop(Disruptor<RequestEvent> ring, String name) {
        if (!failStop.stopped()) {
            ring.shutdown();
            return;
        }
        try {
            ring.shutdown(FAILED_DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the {} ring did not drain within {} s after the fatal error; halting it",
                    name, FAILED_DRAIN_SECONDS);
            ring.halt();
        }
    }

    private static long depth(RingBuffer<RequestEvent> ring) {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
