package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.request.Prepared;
import io.paddock.server.request.RequestPreparer;
import io.paddock.zab.runtime.ZxidCounter;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage of the request ring: validates each write against the tree plus the writes
 * still in flight, checks its ACLs and turns it into an idempotent txn with the next zxid.
 * Reads pass through untouched; they are answered at apply time, in order.
 *
 * <p>Runs on one thread only, which alone hands out zxids: the request ring's first consumer
 * on a standalone server, its only one (with routing, {@link PrepareAndReplicate}) in an
 * ensemble.
 */
final class PrepareHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("prepare");
    private static final Logger LOG = LoggerFactory.getLogger(PrepareHandler.class);

    private final RequestPreparer preparer;
    private final ZxidCounter zxids;
    private final LongSupplier clock;
    private final Replicator owners;
    private final LeaderTakeover takeover;

    /** A standalone server's: it prepares every write. */
    PrepareHandler(RequestPreparer preparer, ZxidCounter zxids, LongSupplier clock) {
        this(preparer, zxids, clock, null, null);
    }

    /**
     * [ensemble] A member's: it prepares while it leads, as {@code takeover} says.
     *
     * @param owners [ensemble] where sessions live, checked before each write; null standalone
     * @param takeover [ensemble] when this server's own requests are prepared; null standalone
     */
    PrepareHandler(RequestPreparer preparer, ZxidCounter zxids, LongSupplier clock,
            Replicator owners, LeaderTakeover takeover) {
        this.preparer = preparer;
        this.zxids = zxids;
        this.clock = clock;
        this.owners = owners;
        this.takeover = takeover;
    }

    /** Where this stage's batch sizes are counted. */
    StageBatches batches() {
        return batches;
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        batches.event(endOfBatch);
        if (e.opCode == RequestEvent.TAKEOVER) {
            if (takeover != null) {
                takeover.marker(this::prepare);
            }
            return;
        }
        if (OpCode.isWrite(e.opCode) && (takeover == null || takeover.prepares(e))) {
            prepare(e);
        }
    }

    private void prepare(RequestEvent e) {
        e.prepared = true;
        if (owners != null && !e.internal && e.sessionId != 0
                && owners.sessionMoved(e.sessionId, e.forwardedFrom, e.opCode)) {
            // Refused before a zxid is taken: the connection it came on is closed.
            e.header = null;
            e.txn = null;
            e.error = ErrorCode.SESSION_MOVED;
            return;
        }
        try {
            Prepared p = preparer.prepare(e.sessionId, e.xid, e.opCode, e.request, e.authInfo,
                    zxids::next, clock.getAsLong());
            e.header = p.header();
            e.txn = p.txn();
            e.error = p.error() == null ? ErrorCode.OK : p.error();
        } catch (RuntimeException ex) {
            LOG.error("prepare failed for session 0x{} {} ", Long.toHexString(e.sessionId),
                    OpCode.name(e.opCode), ex);
            e.header = null;
            e.txn = null;
            e.error = ErrorCode.SYSTEM_ERROR;
        }
    }
}
