package io.paddock.server.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
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
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.runtime.PeerDriver;
import io.paddock.zab.runtime.ZxidCounter;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Disruptor rings every request crosses, joined by the commit decision.
 *
 * <pre>
 *  Netty I/O threads ──submit──▶ request ring (multi-producer)
 *                                  PrepareHandler ──▶ PersistHandler ── propose ──▶ ZAB core
 *                                  (zxid from the       │ log.flush() at endOfBatch,  (PeerDriver)
 *                                   core's epoch)       │ "persisted" ──────────────▶   │
 *                                                       │ ◀──────────── commits ────────┘
 *                                                       ▼ committed requests, in order
 *                                commit ring (the persist thread, and reads of
 *                                             sessions with no write in flight)
 *                                  ApplyHandler ──▶ ReplyHandler ──▶ channel.flush() at endOfBatch
 * </pre>
 *
 * <p>Thread-safe: {@code submit*} may be called from any thread; a full request ring makes
 * the caller wait, which is the back-pressure a flooding client feels.
 */
public final class RequestPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private final Disruptor<RequestEvent> requestRing;
    private final Disruptor<RequestEvent> commitRing;
    private final ZxidCounter zxids;

    public RequestPipeline(DataTree tree, WatchManager watches, RequestPreparer preparer,
            ReadRequestProcessor reads, SessionTracker sessions, TxnLog log, PeerDriver driver,
            ZxidCounter zxids, LongSupplier clock, int ringSize) {
        this.zxids = zxids;
        this.commitRing = new Disruptor<>(RequestEvent::new, ringSize, threads("paddock-commit"),
                ProducerType.MULTI, new StageBlockingWaitStrategy());
        commitRing.setDefaultExceptionHandler(new LoggingExceptionHandler());
        commitRing.handleEventsWith(new ApplyHandler(tree, preparer, reads, sessions, watches))
                .then(new ReplyHandler(sessions));

        this.requestRing = new Disruptor<>(RequestEvent::new, ringSize, threads("paddock-request"),
                ProducerType.MULTI, new StageBlockingWaitStrategy());
        requestRing.setDefaultExceptionHandler(new LoggingExceptionHandler());
        requestRing.handleEventsWith(new PrepareHandler(preparer, zxids, clock))
                .then(new PersistHandler(log, driver, true, commitRing.getRingBuffer()));
    }

    public void start() {
        commitRing.start();
        requestRing.start();
    }

    /**
     * A client's request, in the order its connection read it. Call from the connection's one
     * I/O thread: the read fast path relies on that order.
     */
    public void submit(ClientChannel channel, long sessionId, int xid, int opCode, Record request,
            List<Id> authInfo) {
        WriteFence fence = channel.writeFence();
        if (!OpCode.isWrite(opCode) && fence.clear()) {
            commitRing.getRingBuffer().publishEvent((e, seq) ->
                    e.set(channel, sessionId, xid, opCode, request, authInfo));
            return;
        }
        // Everything that takes the long way is fenced, reads included: a later read must not
        // overtake an earlier read still in the request ring either.
        fence.submitted();
        RingBuffer<RequestEvent> ring = requestRing.getRingBuffer();
        ring.publishEvent((e, seq) -> {
            e.set(channel, sessionId, xid, opCode, request, authInfo);
            e.fenced = true;
        });
    }

    /** A new session for a connection that sent a ConnectRequest without a session id. */
    public void submitCreateSession(ClientChannel channel, long sessionId, int timeoutMs,
            boolean readOnlyClient) {
        requestRing.getRingBuffer().publishEvent((e, seq) -> {
            e.set(channel, sessionId, 0, OpCode.CREATE_SESSION,
                    new CreateSessionRequest(timeoutMs), List.of());
            e.readOnlyClient = readOnlyClient;
        });
    }

    /** A request the server makes of itself: an expiry's closeSession, a container's delete. */
    public void submitInternal(ClientChannel channel, long sessionId, int opCode, Record request) {
        requestRing.getRingBuffer().publishEvent((e, seq) -> {
            e.set(channel, sessionId, 0, opCode, request, List.of(Id.ANYONE));
            e.internal = true;
        });
    }

    /** The zxid of the last txn prepared; the tree catches up to it soon after. */
    public long lastZxid() {
        return zxids.last();
    }

    /** Requests accepted but not yet answered, for the four-letter words. */
    public long outstanding() {
        RingBuffer<RequestEvent> req = requestRing.getRingBuffer();
        RingBuffer<RequestEvent> com = commitRing.getRingBuffer();
        return (req.getBufferSize() - req.remainingCapacity())
                + (com.getBufferSize() - com.remainingCapacity());
    }

    /** Drains both rings in order, then stops their threads. */
    @Override
    public void close() {
        requestRing.shutdown();
        commitRing.shutdown();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A handler that throws must not stop the ring: log it and move on to the next slot. */
    private static final class LoggingExceptionHandler implements ExceptionHandler<RequestEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, RequestEvent event) {
            LOG.error("pipeline handler failed at sequence {} (op {})", sequence,
                    event == null ? "?" : OpCode.name(event.opCode), ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("pipeline handler failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("pipeline handler failed to stop", ex);
        }
    }
}
