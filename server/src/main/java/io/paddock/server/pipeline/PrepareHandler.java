package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.request.Prepared;
import io.paddock.server.request.RequestPreparer;
import io.paddock.zab.runtime.ZxidCounter;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage of the request ring: validates each write against the tree plus the writes
 * still in flight, checks its ACLs and turns it into an idempotent txn with the next zxid.
 * Reads pass through untouched; they are answered at apply time, in order.
 *
 * <p>Runs on the request ring's prepare thread only; it alone hands out zxids.
 */
final class PrepareHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("prepare");
    private static final Logger LOG = LoggerFactory.getLogger(PrepareHandler.class);

    private final RequestPreparer preparer;
    private final ZxidCounter zxids;
    private final LongSupplier clock;
    private final BooleanSupplier prepares;
    private final Replicator owners;

    /** @param prepares whether this server makes txns now (standalone always; an ensemble's leader) */
    PrepareHandler(RequestPreparer preparer, ZxidCounter zxids, LongSupplier clock,
            BooleanSupplier prepares) {
        this(preparer, zxids, clock, prepares, null);
    }

    /** @param owners [ensemble] where sessions live, checked before each write; null standalone */
    PrepareHandler(RequestPreparer preparer, ZxidCounter zxids, LongSupplier clock,
            BooleanSupplier prepares, Replicator owners) {
        this.preparer = preparer;
        this.zxids = zxids;
        this.clock = clock;
        this.prepares = prepares;
        this.owners = owners;
    }

    /** Where this stage's batch sizes are counted. */
    StageBatches batches() {
        return batches;
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        batches.event(endOfBatch);
        if (!OpCode.isWrite(e.opCode) || !prepares.getAsBoolean()) {
            return;
        }
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
