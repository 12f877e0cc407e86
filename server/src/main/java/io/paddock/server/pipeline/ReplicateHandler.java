package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.txn.TxnCodec;
import io.paddock.server.txn.TxnEnvelope;
import io.paddock.zab.Proposal;

/**
 * [ensemble] The request ring's routing on a member of an ensemble, after prepare and in place
 * of the standalone {@link PersistHandler}: the ZAB runtime persists, replicates and commits,
 * so this only routes. On the serving leader a txn is held in the {@link CommitQueue} and proposed;
 * on a learner a write or sync is held and forwarded to the leader; a request without a txn is
 * held behind what came before it. A learner's request the leader received is proposed, or
 * answered over the network when it has no txn (a sync, a write whose prepare failed).
 *
 * <p>Never waits for a quorum: commits come back through the {@link CommitQueue} on the ZAB
 * driver thread. Runs after the prepare stage on the request ring's one consumer thread
 * ({@link PrepareAndReplicate}).
 */
final class ReplicateHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("persist");
    private static final CommitQueue.Forwarder NOT_FORWARDED = (s, x, o, r, a, resend) -> -1;

    private final Replicator replicator;
    private final CommitQueue queue;
    private final FailStop failStop;
    private final BatchRelease release;

    ReplicateHandler(Replicator replicator, CommitQueue queue, FailStop failStop,
            BatchRelease release) {
        this.replicator = replicator;
        this.queue = queue;
        this.failStop = failStop;
        this.release = release;
    }

    @Override
    public void setSequenceCallback(Sequence sequence) {
        release.sequence(sequence);
    }

    /** Where this stage's batch sizes are counted. */
    StageBatches batches() {
        return batches;
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        batches.event(endOfBatch);
        if (!failStop.stopped()) {
            // Under the queue's lock: a role change takes it too, so the route taken here and
            // what the change does with the held requests never cross.
            synchronized (queue) {
                route(e);
            }
        }
        if (endOfBatch) {
            release.release(sequence);
        }
    }

    private void route(RequestEvent e) {
        if (e.opCode == RequestEvent.TAKEOVER) {
            return; // the prepare stage's business
        }
        if (e.forwardedFrom != 0) {
            forLearner(e);
            return;
        }
        // A write that passed prepare before this server took over as leader has no txn: it is
        // held as on a learner, and prepared at the takeover (LeaderTakeover).
        if (replicator.leads() && (e.prepared || !OpCode.isWrite(e.opCode))) {
            if (e.txn != null) {
                queue.hold(e, CommitQueue.Wait.ZXID, NOT_FORWARDED); // before: the commit may be quick
                replicator.propose(proposal(e));
            } else {
                queue.hold(e, CommitQueue.Wait.NOTHING, NOT_FORWARDED);
            }
        } else if (e.internal && !(e.sessionId == 0 && e.channel != null)) {
            // Expiry and reaping are the leader's; this server just stopped leading. (An
            // operator's write, of no session and with a reply channel, goes to the leader.)
            return;
        } else if (OpCode.isWrite(e.opCode)) {
            queue.hold(e, CommitQueue.Wait.SESSION_XID, replicator::forward);
        } else if (e.opCode == OpCode.SYNC) {
            queue.hold(e, CommitQueue.Wait.SYNC, replicator::forward);
        } else {
            queue.hold(e, CommitQueue.Wait.NOTHING, NOT_FORWARDED);
        }
    }

    /** The leader's part of a learner's request: its txn proposed, or an answer sent back. */
    private void forLearner(RequestEvent e) {
        if (!replicator.leads()) {
            return; // the learner sends it again to whichever server leads next
        }
        if (e.opCode == OpCode.SYNC) {
            replicator.syncDone(e.forwardedFrom, e.sessionId, e.xid);
        } else if (e.txn != null) {
            replicator.propose(proposal(e));
        } else {
            replicator.failed(e.forwardedFrom, e.sessionId, e.xid,
                    e.error == ErrorCode.OK ? ErrorCode.SYSTEM_ERROR : e.error);
        }
    }

    static Proposal proposal(RequestEvent e) {
        return new Proposal(e.header.zxid(), e.header.type(), TxnCodec.serialize(e.header, e.txn),
                new TxnEnvelope(e.header, e.txn));
    }
}
