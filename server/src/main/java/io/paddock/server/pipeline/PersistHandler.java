package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.paddock.server.txn.TxnCodec;
import io.paddock.storage.Invariants;
import io.paddock.storage.log.Txn;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.broadcast.CommitTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * Second stage of the request ring: appends each txn of a Disruptor batch to the log, makes
 * the batch durable with one flush at its end (group commit), reports "persisted up to zxid"
 * to the commit tracker and hands the batch, in order, to the commit ring.
 *
 * <p>Standalone, the tracker is a quorum of one, so what is persisted is committed. Slots of a
 * batch stay valid until this handler frees them at the end of the batch ({@link BatchRelease}),
 * which is why the batch can be held by reference until then.
 *
 * <p>Whatever the log throws is fatal ({@link StageExceptionHandler}): the batch it was part
 * of goes no further, so none of it is acknowledged, and once the {@link FailStop} is tripped
 * nothing else is appended, retried or passed on.
 *
 * <p>Runs on the request ring's persist thread only.
 */
final class PersistHandler implements EventHandler<RequestEvent> {
    private final TxnLog log;
    private final CommitTracker commits;
    private final long selfId;
    private final RingBuffer<RequestEvent> commitRing;
    private final FailStop failStop;
    private final BatchRelease release;
    private final List<RequestEvent> batch = new ArrayList<>();

    PersistHandler(TxnLog log, CommitTracker commits, long selfId,
            RingBuffer<RequestEvent> commitRing, FailStop failStop, BatchRelease release) {
        this.log = log;
        this.commits = commits;
        this.selfId = selfId;
        this.commitRing = commitRing;
        this.failStop = failStop;
        this.release = release;
    }

    @Override
    public void setSequenceCallback(Sequence sequence) {
        release.sequence(sequence);
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        if (failStop.stopped()) {
            batch.clear();
            return;
        }
        try {
            if (e.txn != null) {
                long zxid = e.header.zxid();
                commits.propose(zxid);
                log.append(new Txn(zxid, e.header.type(), TxnCodec.serialize(e.header, e.txn)));
            }
            batch.add(e);
            if (endOfBatch) {
                flushBatch();
                release.release(sequence);
            }
        } catch (RuntimeException ex) {
            batch.clear();
            throw ex;
        }
    }

    private void flushBatch() {
        long lastAppended = log.lastAppendedZxid();
        if (lastAppended > log.lastFlushedZxid()) {
            log.flush();
            long committed = commits.ack(selfId, lastAppended);
            // Standalone, our own durable log is the whole quorum: what is flushed is committed.
            Invariants.check(committed == lastAppended, "quorum of one committed 0x"
                    + Long.toHexString(committed) + " after persisting 0x"
                    + Long.toHexString(lastAppended));
        }
        for (RequestEvent e : batch) {
            commitRing.publishEvent((slot, seq, from) -> slot.copyFrom(from), e);
        }
        batch.clear();
    }
}
