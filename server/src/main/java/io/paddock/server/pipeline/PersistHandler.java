package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.paddock.server.txn.TxnCodec;
import io.paddock.storage.Invariants;
import io.paddock.storage.log.TxnLog;
import io.paddock.zab.Proposal;
import io.paddock.zab.runtime.PeerDriver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Second stage of the request ring: proposes each txn of a Disruptor batch to the ZAB core (whose
 * one Ready for the batch appends them to the log), makes the batch durable with one flush at its
 * end (group commit), reports "persisted up to zxid" to the core, and hands the requests the core has
 * committed, in order, to the commit ring.
 *
 * <p>A request waits for the commit of its own txn, and one without a txn (a fenced read, a
 * request refused before prepare) waits for everything before it, so a session's requests reach
 * the commit ring in the order it sent them. Slots of a batch stay valid only until this handler
 * frees them at the end of the batch ({@link BatchRelease}): a request still uncommitted then is
 * copied into {@link #pending} until the core's commit decision reaches it. Standalone (a quorum
 * of one) that never happens: what is flushed is committed, which is checked.
 *
 * <p>Whatever the log or the core throws is fatal ({@link StageExceptionHandler}): the batch it
 * was part of goes no further, so none of it is acknowledged, and once the {@link FailStop} is
 * tripped nothing else is appended, retried or passed on.
 *
 * <p>Runs on the request ring's persist thread only.
 */
final class PersistHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("persist");
    private final TxnLog log;
    private final PeerDriver driver;
    private final boolean commitsAtFlush;
    private final RingBuffer<RequestEvent> commitRing;
    private final FailStop failStop;
    private final BatchRelease release;
    private final List<RequestEvent> batch = new ArrayList<>();
    private final ArrayDeque<RequestEvent> pending = new ArrayDeque<>();

    /**
     * @param commitsAtFlush whether every flushed txn is committed at once (a quorum of one);
     *     checked after every flush
     */
    PersistHandler(TxnLog log, PeerDriver driver, boolean commitsAtFlush,
            RingBuffer<RequestEvent> commitRing, FailStop failStop, BatchRelease release) {
        this.log = log;
        this.driver = driver;
        this.commitsAtFlush = commitsAtFlush;
        this.commitRing = commitRing;
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
        if (failStop.stopped()) {
            batch.clear();
            return;
        }
        try {
            if (e.txn != null) {
                driver.propose(new Proposal(e.header.zxid(), e.header.type(),
                        TxnCodec.serialize(e.header, e.txn)));
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
        driver.appendProposed();
        long lastAppended = log.lastAppendedZxid();
        long committed = driver.committedUpTo();
        if (lastAppended > log.lastFlushedZxid()) {
            log.flush();
            committed = driver.flushed(log.lastFlushedZxid());
            if (commitsAtFlush && committed != lastAppended) {
                Invariants.check(false, "quorum of one committed 0x" + Long.toHexString(committed)
                        + " after persisting 0x" + Long.toHexString(lastAppended));
            }
        }
        releasePending(committed);
        for (RequestEvent e : batch) {
            if (pending.isEmpty() && isCommitted(e, committed)) {
                commitRing.publishEvent((slot, seq, from) -> slot.copyFrom(from), e);
            } else {
                RequestEvent held = new RequestEvent();
                held.copyFrom(e);
                pending.addLast(held);
            }
        }
        batch.clear();
    }

    /** Publishes the held requests, oldest first, up to the first one still uncommitted. */
    private void releasePending(long committed) {
        while (!pending.isEmpty() && isCommitted(pending.peekFirst(), committed)) {
            commitRing.publishEvent((slot, seq, from) -> slot.copyFrom(from),
                    pending.removeFirst());
        }
    }

    private static boolean isCommitted(RequestEvent e, long committed) {
        return e.txn == null || e.header.zxid() <= committed;
    }
}
