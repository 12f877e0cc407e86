package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.request.ReadRequestProcessor;
import io.paddock.server.request.ReadResult;
import io.paddock.server.request.RequestPreparer;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.ApplyResult;
import io.paddock.server.tree.DataTree;
import io.paddock.server.txn.CreateSessionTxn;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage of the commit ring: applies committed txns to the tree in zxid order (firing
 * watches) and answers reads, which sit in the same order so a session always reads its own
 * writes. Session bookkeeping follows the createSession and closeSession txns. An error txn
 * (a write that failed validation) changes nothing but still moves the tree's last processed
 * zxid, which its reply carries.
 *
 * <p>A logged txn that throws while being applied is a bug that leaves the tree in doubt: the
 * exception goes to the ring's fatal handler and, the {@link FailStop} tripped, nothing more is
 * applied or answered. A read that throws changes nothing and is answered SYSTEM_ERROR.
 *
 * <p>Runs on the commit ring's apply thread only: the tree's single writer.
 */
final class ApplyHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("apply");
    private static final Logger LOG = LoggerFactory.getLogger(ApplyHandler.class);

    private final DataTree tree;
    private final RequestPreparer preparer;
    private final ReadRequestProcessor reads;
    private final SessionTracker sessions;
    private final ApplyHook hook;
    private final FailStop failStop;

    ApplyHandler(DataTree tree, RequestPreparer preparer, ReadRequestProcessor reads,
            SessionTracker sessions, ApplyHook hook, FailStop failStop) {
        this.tree = tree;
        this.preparer = preparer;
        this.reads = reads;
        this.sessions = sessions;
        this.hook = hook;
        this.failStop = failStop;
    }

    /** Where this stage's batch sizes are counted. */
    StageBatches batches() {
        return batches;
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        batches.event(endOfBatch);
        if (failStop.stopped()) {
            return;
        }
        try {
            if (e.txn != null) {
                applyTxn(e);
            } else if (OpCode.isWrite(e.opCode)) {
                // Prepare threw unexpectedly (a validation failure is an error txn): no zxid
                // was taken, nothing to apply; answer with its error.
                e.replyZxid = tree.lastProcessedZxid();
            } else {
                read(e);
            }
        } finally {
            if (e.fenced) {
                e.channel.writeFence().applied();
            }
        }
    }

    private void read(RequestEvent e) {
        try {
            ReadResult r = reads.process(e.sessionId, e.opCode, e.request, e.authInfo, e.channel);
            e.error = r.error() == null ? ErrorCode.OK : r.error();
            e.response = r.response();
            e.notifications = r.notifications();
        } catch (RuntimeException ex) {
            LOG.error("read failed for session 0x{} {}", Long.toHexString(e.sessionId),
                    OpCode.name(e.opCode), ex);
            e.error = ErrorCode.SYSTEM_ERROR;
            e.response = null;
            e.notifications = List.of();
        }
        e.replyZxid = tree.lastProcessedZxid();
    }

    private void applyTxn(RequestEvent e) {
        hook.beforeApply(e.header, e.txn);
        if (e.txn instanceof CreateSessionTxn cs) {
            Session s = sessions.add(e.header.sessionId(), cs.timeout());
            if (e.channel != null) {
                s.attach(e.channel);
            }
        }
        ApplyResult r = tree.apply(e.header, e.txn);
        preparer.applied(e.header.zxid());
        if (e.opCode == OpCode.CLOSE_SESSION) {
            sessions.remove(e.header.sessionId());
        }
        e.error = r.error() == null ? ErrorCode.OK : r.error();
        e.response = r.response();
        e.notifications = r.notifications();
        e.replyZxid = e.header.zxid();
    }
}
